package org.riskmonitor.demo;

import static org.riskmonitor.demo.Route.Objection.RETEST_CONFIRMS;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.component.ComponentType;
import org.riskmonitor.operations.ReadinessCondition;
import org.riskmonitor.risk.RiskLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the embedded default profile, the first start creates the demo people and about twenty
 * cases standing in different steps, so every role finds work in Tasklist. The node is not ready
 * for users until they exist: the web server answers seconds before.
 */
@Component
@ConditionalOnProperty(name = "riskmonitor.demo.enabled", havingValue = "true")
public class DemoData implements ReadinessCondition {

  /** What the first start creates ({@code riskmonitor.demo.seed}). */
  public enum Seed {
    /** nothing: the tests create the people themselves and open their own cases */
    NONE,
    /** the people only: the resilience tests' servers, whose tests open their own cases */
    PEOPLE,
    /** the people and the demo cases */
    CASES
  }

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private record DemoCase(int enterprise, String productKind, String productName, String stopAt, Route route) {
  }

  /** The demo's samplers find a problem on site at every nonconforming case, so the dashboard counts findings. */
  private static final Route USUAL = Route.remediated().with(r -> r.onSiteFinding = true);

  private static final List<DemoCase> CASES = List.of(
      new DemoCase(0, "E_BIKE", "电动自行车", "Task_AssignSampling", USUAL),
      new DemoCase(2, "E_BIKE_LI_BATTERY", "电动自行车用锂离子蓄电池", "Task_AssignSampling", USUAL),
      new DemoCase(4, "CHILDREN_PRODUCT", "儿童滑板车", "Task_AssignSampling", USUAL),
      new DemoCase(3, "GAS_STOVE", "家用燃气灶", "Task_FillSamplingSlip", USUAL),
      new DemoCase(2, "PORTABLE_LI_BATTERY", "移动电源", "Task_FillSamplingSlip", USUAL),
      new DemoCase(0, "E_BIKE_CHARGER", "电动自行车充电器", "Task_ConfirmSamplingSlip", USUAL),
      new DemoCase(1, "WIRE_CABLE", "BV 2.5mm² 聚氯乙烯绝缘电线", "Task_ConfirmSamplingSlip", USUAL),
      new DemoCase(0, "E_BIKE", "电动自行车", "Task_ReceiveSample", USUAL),
      new DemoCase(1, "WIRE_CABLE", "BV 4mm² 聚氯乙烯绝缘电线", "Task_ReceiveSample", USUAL),
      new DemoCase(0, "E_BIKE_LI_BATTERY", "电动自行车用锂离子蓄电池", "Task_TestSample", USUAL),
      new DemoCase(1, "WIRE_CABLE", "BV 1.5mm² 聚氯乙烯绝缘电线", "Task_ReviewReport", USUAL),
      new DemoCase(0, "E_BIKE", "电动自行车", "Task_RespondToResult", USUAL),
      new DemoCase(1, "WIRE_CABLE", "BVR 6mm² 聚氯乙烯绝缘软电线", "Task_RespondToResult", USUAL),
      new DemoCase(1, "WIRE_CABLE", "BV 2.5mm² 聚氯乙烯绝缘电线", "Task_DecideObjection", USUAL.with(r -> r.objection = RETEST_CONFIRMS)),
      new DemoCase(0, "E_BIKE_CHARGER", "电动自行车充电器", "Task_AssessRisk", USUAL),
      new DemoCase(1, "WIRE_CABLE", "BV 10mm² 聚氯乙烯绝缘电线", "Task_AnalyseCauses", USUAL),
      new DemoCase(0, "E_BIKE_LI_BATTERY", "电动自行车用锂离子蓄电池", "Task_ApproveConsumerAlert", USUAL),
      new DemoCase(1, "WIRE_CABLE", "BV 2.5mm² 聚氯乙烯绝缘电线", "Task_RecordAssistanceVisit", USUAL.with(r -> r.riskLevel = RiskLevel.MEDIUM)),
      new DemoCase(0, "E_BIKE", "电动自行车", "Task_SubmitRemediationPlan", USUAL),
      new DemoCase(0, "E_BIKE_CHARGER", "电动自行车充电器", "Task_VerifyRemediation", USUAL),
      new DemoCase(1, "WIRE_CABLE", "BV 2.5mm² 聚氯乙烯绝缘电线", "Task_CloseCase", USUAL),
      new DemoCase(0, "E_BIKE", "电动自行车", "closed", Route.allItemsPass()),
      new DemoCase(1, "WIRE_CABLE", "BV 4mm² 聚氯乙烯绝缘电线", "closed", USUAL));

  /** A citizens' topic of the demo round: its product kind, focus group, proposals backing it, the expert's advice. */
  private record DemoTopic(String product, String productKind, String focusGroup, int backing, boolean recommended) {
  }

  private static final List<DemoTopic> TOPICS = List.of(
      new DemoTopic("儿童滑板车", "CHILDREN_PRODUCT", "CHILDREN_STUDENTS", 4, true),
      new DemoTopic("外卖塑料餐盒", "FOOD_CONTACT_PLASTIC", "FOOD_CONTACT", 3, true),
      new DemoTopic("电动自行车锂电池", "E_BIKE_LI_BATTERY", "HIGH_RISK", 3, true),
      new DemoTopic("网红充电宝", "PORTABLE_LI_BATTERY", "TRENDING_ONLINE", 2, true),
      new DemoTopic("老人家用燃气灶", "GAS_STOVE", "ELDERLY", 2, true),
      new DemoTopic("电动自行车充电器", "E_BIKE_CHARGER", "HIGH_RISK", 1, true),
      new DemoTopic("电动自行车车把装饰灯", "E_BIKE", "TRENDING_ONLINE", 1, false));

  /** Components sampled at the e-bike maker's assembly plant (enterprise 0), supplied by the battery maker (2). */
  private record ComponentCase(ComponentType type, String productName, String stopAt, Route route) {
  }

  private static final List<ComponentCase> COMPONENT_CASES = List.of(
      new ComponentCase(ComponentType.LI_ION_BATTERY, "电动自行车用锂离子蓄电池组 48V20Ah", "Task_RespondToResult", USUAL),
      new ComponentCase(ComponentType.CHARGER, "电动自行车充电器 48V3A", "closed",
          USUAL.with(r -> r.reinspectionPasses = false)));

  private final DemoPeople people;
  private final CaseWalker walker;
  private final DemoPlans plans;
  private final CatalogueRoundWalker rounds;
  private final RegulatorClock clock;
  private final Seed seed;
  private volatile boolean seeded;

  public DemoData(DemoPeople people, CaseWalker walker, DemoPlans plans, CatalogueRoundWalker rounds,
                  RegulatorClock clock, @Value("${riskmonitor.demo.seed}") Seed seed) {
    this.people = people;
    this.plans = plans;
    this.walker = walker;
    this.rounds = rounds;
    this.clock = clock;
    this.seed = seed;
  }

  @EventListener
  @Order(3)
  public void onDeployed(PostDeployEvent event) {
    if (seed != Seed.NONE && !people.seeded()) {
      seed();
    }
    seeded = true;
  }

  private void seed() {
    people.seed();
    if (seed == Seed.PEOPLE) {
      LOG.info("Demo people created, no demo cases");
      return;
    }
    plans.seedDemoPlan();
    for (DemoCase demo : CASES) {
      String uscc = DemoPeople.ENTERPRISES.get(demo.enterprise()).get(0);
      String caseNumber = walker.openFromLine(plans.openLineFor(uscc, demo.productKind(), 1), uscc,
          demo.productName()).getBusinessKey();
      walker.advanceTo(caseNumber, demo.stopAt(), demo.route());
    }
    List<String> plant = DemoPeople.ENTERPRISES.get(0);
    List<String> supplier = DemoPeople.ENTERPRISES.get(2);
    for (ComponentCase demo : COMPONENT_CASES) {
      String caseNumber = walker.openComponentCase(plant.get(0), demo.type(), demo.productName(), supplier.get(0),
          supplier.get(1)).getBusinessKey();
      walker.advanceTo(caseNumber, demo.stopAt(), demo.route());
    }
    seedCatalogueRound();
    LOG.info("Demo data created: this year's approved plan, {} cases opened from its lines and the {} catalogue round; log in at /camunda/app/tasklist/ as coordinator/demo",
        CASES.size() + COMPONENT_CASES.size(), clock.today().getYear());
  }

  /**
   * This year's round, its proposals in (from 1 January to today), closed now rather than at
   * midnight, and its catalogue drafted from the recommended topics, reviewed and approved: version 1.
   */
  private void seedCatalogueRound() {
    for (DemoTopic topic : TOPICS) {
      rounds.topic(topic.product(), topic.productKind(), topic.focusGroup(), topic.backing(), topic.recommended());
    }
    LocalDate today = clock.today();
    ProcessInstance round = rounds.openRound(today.getYear(), today.withDayOfYear(1), today);
    rounds.runTimer(round.getId());
    rounds.approveAsProposed(round);
  }

  @Override
  public String name() {
    return "demoData";
  }

  @Override
  public boolean met() {
    return seeded;
  }
}
