package org.riskmonitor.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.cases.Venue;
import org.riskmonitor.catalogue.Catalogue;
import org.riskmonitor.catalogue.ProductKind;
import org.riskmonitor.enterprise.District;
import org.riskmonitor.enterprise.EnterpriseRegistry;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.laboratory.Lab;
import org.riskmonitor.laboratory.Laboratories;
import org.springframework.stereotype.Component;

/**
 * A coordinator drafts the yearly plan (form {@code draft-plan}, the start form) or corrects a
 * draft sent back: year, title and lines. Each line is checked: a known product kind, venue and
 * district, a lab accredited for the kind, 1 to 10,000 batches, a period inside the plan year,
 * budgets per batch of at least 0 yuan with at most 2 decimals; no two lines alike.
 */
@Component("planDrafting")
public class PlanDrafting implements ExecutionListener, TaskListener {

  static final int MAX_BATCHES = 10_000;
  static final int MAX_LINES = 200;
  private static final BigDecimal MAX_BUDGET = new BigDecimal("9999999999.99");

  private record Draft(int year, String title, List<PlanLine> lines) {
  }

  private final FormDefinitions forms;
  private final MonitoringPlans plans;
  private final Catalogue catalogue;
  private final EnterpriseRegistry enterprises;
  private final Laboratories labs;
  private final CurrentUser currentUser;
  private final RegulatorClock clock;

  public PlanDrafting(FormDefinitions forms, MonitoringPlans plans, Catalogue catalogue, EnterpriseRegistry enterprises,
                      Laboratories labs, CurrentUser currentUser, RegulatorClock clock) {
    this.forms = forms;
    this.plans = plans;
    this.catalogue = catalogue;
    this.enterprises = enterprises;
    this.labs = labs;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** The start form: a new draft. */
  @Override
  public void notify(DelegateExecution execution) {
    Draft draft = read(execution);
    MonitoringPlan plan = plans.draft(draft.year(), draft.title(), draft.lines(), execution.getProcessInstanceId(),
        currentUser.id());
    execution.setProcessBusinessKey(plan.planNumber());
    // the number every task card and deadline mail of the plan shows (tasklist.TaskCardColumns)
    execution.setVariable("programmeNumber", plan.planNumber());
    execution.setVariable(MonitoringPlans.PLAN_ID, plan.id());
    describe(execution, plan);
  }

  /** A draft sent back, corrected. */
  @Override
  public void notify(DelegateTask task) {
    Draft draft = read(task);
    long planId = ((Number) task.getVariable(MonitoringPlans.PLAN_ID)).longValue();
    describe(task, plans.redraft(planId, draft.year(), draft.title(), draft.lines(), currentUser.id()));
  }

  /** What the reviewer's and approver's forms show of the plan; the lines are on its page. */
  private void describe(VariableScope scope, MonitoringPlan plan) {
    List<PlanLine> lines = plans.lines(plan.id());
    int batches = lines.stream().mapToInt(PlanLine::batches).sum();
    BigDecimal budget = lines.stream().map(line -> line.samplingBudgetPerBatch().add(line.testingBudgetPerBatch())
        .multiply(BigDecimal.valueOf(line.batches()))).reduce(BigDecimal.ZERO, BigDecimal::add);
    scope.setVariable("planReference", plan.planNumber() + " " + plan.title());
    scope.setVariable("planSummary", plan.planYear() + "年度 year " + plan.planYear() + "；" + lines.size()
        + "个计划行 lines；共" + batches + "批 batches in all；抽样和检验预算合计 sampling and testing budget "
        + budget.setScale(2) + " 元 yuan。[查看计划 View the plan](/plans/" + plan.planNumber() + ")");
  }

  private Draft read(VariableScope scope) {
    SubmittedForm form = forms.submission(scope);
    Integer year = form.wholeNumber("planYear");
    int thisYear = clock.today().getYear();
    form.refuseIf(year != null && year < thisYear, form.label("planYear") + "：不得早于今年 " + thisYear
        + " may not be before this year");
    String title = form.text("planTitle");
    List<String> kinds = catalogue.kinds().stream().map(ProductKind::code).toList();
    List<String> venues = Arrays.stream(Venue.values()).map(Venue::name).toList();
    List<String> districts = enterprises.currentDistricts().stream().map(District::code).toList();
    List<String> labIds = labs.all().stream().map(Lab::id).map(String::valueOf).toList();
    List<PlanLine> read = form.rows("planLines", 1, MAX_LINES, row -> {
      String kind = row.oneOf("productKind", kinds);
      String venue = row.oneOf("venue", venues);
      String district = row.oneOf("districtCode", districts);
      String labId = row.oneOf("labId", labIds);
      if (kind != null && labId != null) {
        row.refuseIf(!labs.scope(Long.parseLong(labId)).contains(kind),
            "检验机构 Laboratory：资质不覆盖该产品类别 is not accredited for this product kind");
      }
      Integer batches = wholeNumber(row, "batches", "批次数 Batches");
      LocalDate from = day(row, "periodFrom", "抽样期起 Period from");
      LocalDate to = day(row, "periodTo", "抽样期止 Period to");
      if (from != null && to != null) {
        row.refuseIf(from.isAfter(to), "抽样期起不得晚于抽样期止 The period may not start after it ends");
      }
      if (year != null) {
        for (LocalDate day : new LocalDate[] {from, to}) {
          row.refuseIf(day != null && day.getYear() != year, "抽样期须在计划年度" + year + "内 The period must lie within the plan year "
              + year + ": " + day);
        }
      }
      BigDecimal sampling = budget(row, "samplingBudget", "每批抽样预算 Sampling budget per batch");
      BigDecimal testing = budget(row, "testingBudget", "每批检验预算 Testing budget per batch");
      if (kind == null || venue == null || district == null || labId == null || batches == null || from == null
          || to == null || sampling == null || testing == null) {
        return null;
      }
      return new PlanLine(null, 0, 0, kind, venue, district, batches, Long.parseLong(labId), from, to, sampling, testing,
          0, null, null, null);
    });
    List<PlanLine> lines = new ArrayList<>();
    for (int i = 0; i < read.size(); i++) {
      PlanLine line = read.get(i);
      if (line == null) {
        continue;
      }
      for (int j = 0; j < i; j++) {
        PlanLine earlier = read.get(j);
        form.refuseIf(earlier != null && earlier.sameAs(line), "计划行第" + (j + 1) + "行与第" + (i + 1)
            + "行相同 Lines " + (j + 1) + " and " + (i + 1) + " are the same");
      }
      lines.add(new PlanLine(null, 0, lines.size() + 1, line.productKind(), line.venue(), line.districtCode(),
          line.batches(), line.labId(), line.periodFrom(), line.periodTo(), line.samplingBudgetPerBatch(),
          line.testingBudgetPerBatch(), 0, null, null, null));
    }
    form.verify();
    return new Draft(Objects.requireNonNull(year), title, lines);
  }

  private static Integer wholeNumber(SubmittedForm.Row row, String key, String label) {
    String text = row.text(key);
    if (text == null) {
      return null;
    }
    BigDecimal number = decimal(text);
    if (number == null || number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.ONE) < 0
        || number.compareTo(BigDecimal.valueOf(MAX_BATCHES)) > 0) {
      row.refuseIf(true, label + "：应为1至" + MAX_BATCHES + "的整数 must be a whole number from 1 to " + MAX_BATCHES);
      return null;
    }
    return number.intValueExact();
  }

  private static LocalDate day(SubmittedForm.Row row, String key, String label) {
    String text = row.text(key);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      row.refuseIf(true, label + "：应为日期 yyyy-MM-dd must be a date");
      return null;
    }
  }

  private static BigDecimal budget(SubmittedForm.Row row, String key, String label) {
    String text = row.text(key);
    if (text == null) {
      return null;
    }
    BigDecimal amount = decimal(text);
    if (amount == null || amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2
        || amount.compareTo(MAX_BUDGET) > 0) {
      row.refuseIf(true, label + "：应为不小于0、最多两位小数的金额（元） must be an amount in yuan of at least 0 with at most 2 decimals");
      return null;
    }
    return amount.setScale(2);
  }

  private static BigDecimal decimal(String text) {
    if (text.length() > 20) {
      return null;
    }
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
