package org.riskmonitor.demo;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.cases.PlanLineChoices;
import org.riskmonitor.cases.PlanLineOffer;
import org.riskmonitor.cases.Venue;
import org.riskmonitor.catalogue.Catalogue;
import org.riskmonitor.enterprise.Enterprise;
import org.riskmonitor.enterprise.EnterpriseRegistry;
import org.riskmonitor.laboratory.Lab;
import org.riskmonitor.laboratory.Laboratories;
import org.riskmonitor.plan.MonitoringPlan;
import org.riskmonitor.plan.MonitoringPlans;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Approved plans for the demo and the tests, made the way people make them: a coordinator drafts
 * the plan on its start form, an expert agrees, a manager approves. The demo starts with this
 * year's plan; a test opening a case gets a line with plenty of batches for its product kind and
 * its enterprise's district, made when first needed.
 */
@Component
@ConditionalOnProperty(name = "riskmonitor.demo.enabled", havingValue = "true")
public class DemoPlans {

  /** A line for tests never runs out in a test run. */
  static final int GENEROUS = 10_000;
  private static final String DEFAULT_DISTRICT = "120116";
  private static final String COMPONENT_VENUE = Venue.ASSEMBLY_COMPONENTS.name();

  /** One line of a plan to draft. */
  public record Line(String productKind, String venue, String districtCode, int batches, String samplingBudget,
                     String testingBudget) {
  }

  private final FormService formService;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final MonitoringPlans plans;
  private final PlanLineChoices choices;
  private final EnterpriseRegistry enterprises;
  private final Catalogue catalogue;
  private final Laboratories labs;
  private final RegulatorClock clock;

  public DemoPlans(FormService formService, TaskService taskService, RepositoryService repositoryService,
                   IdentityService identityService, MonitoringPlans plans, PlanLineChoices choices,
                   EnterpriseRegistry enterprises, Catalogue catalogue, Laboratories labs, RegulatorClock clock) {
    this.formService = formService;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.plans = plans;
    this.choices = choices;
    this.enterprises = enterprises;
    this.catalogue = catalogue;
    this.labs = labs;
    this.clock = clock;
  }

  /**
   * The demo's plan of this year (of the year the clock stands in, for the history's earlier years): the
   * lines its cases are opened from, in every district the demo's enterprises are in.
   */
  public MonitoringPlan seedDemoPlan() {
    return approvedPlan(clock.today().getYear() + "年度产品质量安全风险监测计划 Product quality safety risk monitoring plan",
        List.of(new Line("E_BIKE", "PRODUCTION", "120116", 40, "800.00", "3500.00"),
            new Line("E_BIKE_CHARGER", "DISTRIBUTION", "120116", 30, "300.00", "1200.00"),
            new Line("E_BIKE_LI_BATTERY", "PRODUCTION", "120116", 30, "600.00", "4800.00"),
            new Line("E_BIKE_LI_BATTERY", "ASSEMBLY_COMPONENTS", "120116", 6, "600.00", "4800.00"),
            new Line("E_BIKE_CHARGER", "ASSEMBLY_COMPONENTS", "120116", 6, "300.00", "1200.00"),
            new Line("WIRE_CABLE", "PRODUCTION", "120113", 50, "200.00", "1500.00"),
            new Line("E_BIKE_LI_BATTERY", "PRODUCTION", "120111", 30, "600.00", "4800.00"),
            new Line("PORTABLE_LI_BATTERY", "E_COMMERCE", "120111", 30, "150.00", "2200.00"),
            new Line("GAS_STOVE", "PRODUCTION", "120117", 30, "500.00", "2600.00"),
            new Line("CHILDREN_PRODUCT", "DISTRIBUTION", "120104", 30, "200.00", "1800.00"),
            new Line("FOOD_CONTACT_PLASTIC", "DISTRIBUTION", "120101", 30, "80.00", "1600.00"),
            new Line("WIRE_CABLE", "PRODUCTION", "120110", 40, "200.00", "1500.00"),
            new Line("E_BIKE", "PRODUCTION", "120114", 40, "800.00", "3500.00"),
            new Line("E_BIKE_CHARGER", "PRODUCTION", "120114", 30, "300.00", "1200.00"),
            new Line("E_BIKE_CHARGER", "PRODUCTION", "120118", 30, "300.00", "1200.00"),
            new Line("CHILDREN_PRODUCT", "DISTRIBUTION", "120105", 30, "200.00", "1800.00"),
            new Line("GAS_STOVE", "PRODUCTION", "120112", 30, "500.00", "2600.00")));
  }

  /**
   * Drafts, reviews and approves a plan of this year whose lines run the whole year, each tested by
   * the first lab accredited for its kind.
   */
  public MonitoringPlan approvedPlan(String title, List<Line> lines) {
    int year = clock.today().getYear();
    List<Map<String, Object>> rows = lines.stream().map(line -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("productKind", line.productKind());
      row.put("venue", line.venue());
      row.put("districtCode", line.districtCode());
      row.put("batches", line.batches());
      row.put("labId", String.valueOf(labs.accreditedFor(line.productKind()).get(0).id()));
      row.put("periodFrom", LocalDate.of(year, 1, 1).toString());
      row.put("periodTo", LocalDate.of(year, 12, 31).toString());
      row.put("samplingBudget", line.samplingBudget());
      row.put("testingBudget", line.testingBudget());
      return row;
    }).toList();
    String definitionId = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(MonitoringPlans.PROCESS_KEY).latestVersion().singleResult().getId();
    ProcessInstance instance = as(CaseWalker.COORDINATOR, () -> formService.submitStartForm(definitionId, Map.of(
        "planYear", year, "planTitle", title, "planLines", SpinValues.jsonValue(Spin.JSON(rows)).create())));
    complete("expert1", instance, Map.of("reviewDecision", "AGREE"));
    complete(CaseWalker.MANAGER, instance, Map.of("approvalDecision", "APPROVE"));
    return plans.byNumber(instance.getBusinessKey());
  }

  /**
   * An open line for the product kind in the enterprise's district with at least {@code atLeast}
   * batches left, the one with most left; a new plan with a generous line if there is none. Null for
   * a kind outside the catalogue, so the opening form refuses it.
   */
  public Long openLineFor(String uscc, String productKind, int atLeast) {
    return openLineFor(uscc, productKind, null, atLeast);
  }

  /**
   * The same, of the given venue only; null: any venue but components at assembly plants, whose cases
   * name a component and its supplier (a new line is then one of production).
   */
  public synchronized Long openLineFor(String uscc, String productKind, String venue, int atLeast) {
    if (catalogue.kind(productKind) == null) {
      return null;
    }
    Enterprise enterprise = enterprises.byUscc(uscc);
    String district = enterprise == null ? DEFAULT_DISTRICT : enterprise.districtCode();
    return choices.openLines().stream()
        .filter(line -> line.productKind().equals(productKind) && line.districtCode().equals(district)
            && (venue == null ? !COMPONENT_VENUE.equals(line.venue()) : line.venue().equals(venue)) && line.batches() - line.casesOpened() >= atLeast)
        .max(Comparator.comparingInt(line -> line.batches() - line.casesOpened()))
        .map(PlanLineOffer::id)
        .orElseGet(() -> {
          List<Lab> accredited = labs.accreditedFor(productKind);
          if (accredited.isEmpty()) {
            return null;
          }
          approvedPlan("测试用计划 Plan for tests", List.of(new Line(productKind, venue == null ? "PRODUCTION" : venue,
              district, GENEROUS, "100.00", "1000.00")));
          return openLineFor(uscc, productKind, venue, atLeast);
        });
  }

  private void complete(String userId, ProcessInstance instance, Map<String, Object> values) {
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    as(userId, () -> {
      formService.submitTaskForm(task.getId(), values);
      return null;
    });
  }

  private <T> T as(String userId, Supplier<T> action) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    identityService.setAuthentication(userId, groups);
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
