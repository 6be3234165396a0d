package org.riskmonitor.assistance;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.calendar.DueDates;
import org.riskmonitor.cases.AssignmentOptions;
import org.riskmonitor.cases.CaseFiles;
import org.riskmonitor.cases.MonitoringCase;
import org.riskmonitor.expert.Expert;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.persistence.GeneratedId;
import org.springframework.stereotype.Component;

/** Coordinator sends experts to assist the enterprise (form {@code plan-assistance-visit}). */
@Component("assistanceVisitPlanning")
public class AssistanceVisitPlanning implements TaskListener {

  private final AssistanceMapper mapper;
  private final CaseFiles cases;
  private final AssignmentOptions options;
  private final CurrentUser currentUser;
  private final DueDates dueDates;

  public AssistanceVisitPlanning(AssistanceMapper mapper, CaseFiles cases, AssignmentOptions options,
                                 CurrentUser currentUser, DueDates dueDates) {
    this.mapper = mapper;
    this.cases = cases;
    this.options = options;
    this.currentUser = currentUser;
    this.dueDates = dueDates;
  }

  @Override
  public void notify(DelegateTask task) {
    MonitoringCase monitoringCase = cases.of(task);
    List<Expert> experts = options.eligibleExperts(monitoringCase);
    List<String> expertIds = experts.stream().map(Expert::userId).toList();
    SubmittedForm form = new SubmittedForm(task);
    String lead = form.oneOf("visitLeadExpertId", "带队专家 Lead expert", expertIds);
    String second = form.optionalText("visitSecondExpertId", "随行专家 Second expert", 64);
    LocalDate plannedOn = form.date("plannedVisitDate", "计划帮扶日期 Planned visit date");
    form.refuseIf(second != null && !expertIds.contains(second), "随行专家 Second expert：不是可选的值 not one of the choices");
    form.refuseIf(second != null && second.equals(lead), "随行专家不能与带队专家相同 The second expert must differ from the lead");
    form.refuseIf(plannedOn != null && plannedOn.isBefore(dueDates.today()),
        "计划帮扶日期 Planned visit date：不得早于今天 cannot be in the past");
    form.verify();
    GeneratedId key = new GeneratedId();
    mapper.insertVisit(monitoringCase.id(), lead, second, plannedOn, currentUser.id(), key);
    task.setVariable("visitId", key.getId());
    task.setVariable("visitLeadExpertId", lead);
    task.setVariable("visitLeadExpertName", experts.stream().filter(e -> e.userId().equals(lead)).findFirst().orElseThrow().name());
  }
}
