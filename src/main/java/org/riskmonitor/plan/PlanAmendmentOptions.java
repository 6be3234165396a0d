package org.riskmonitor.plan;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.cases.OptionList;
import org.springframework.stereotype.Component;

/** The lines of the plan a manager may amend, each with its batches, cases opened and end. */
@Component("planAmendmentOptions")
public class PlanAmendmentOptions implements TaskListener {

  private final MonitoringPlans plans;

  public PlanAmendmentOptions(MonitoringPlans plans) {
    this.plans = plans;
  }

  @Override
  public void notify(DelegateTask task) {
    long planId = ((Number) task.getVariable(MonitoringPlans.PLAN_ID)).longValue();
    OptionList options = new OptionList();
    for (PlanLine line : plans.lines(planId)) {
      options.add(String.valueOf(line.id()), "第" + line.lineNo() + "行 line " + line.lineNo() + " · " + line.kindName()
          + " · " + line.districtName() + " · 已开案 opened " + line.casesOpened() + "/" + line.batches() + " 批 batches · 至 until "
          + line.periodTo());
    }
    task.setVariable("amendLineOptions", options.toJson());
  }
}
