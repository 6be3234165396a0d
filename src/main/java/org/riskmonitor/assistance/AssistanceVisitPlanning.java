package org.riskmonitor.assistance;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.assignment.AssignmentOptions;
import org.riskmonitor.calendar.DueDates;
import org.riskmonitor.cases.MonitoringCase;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.checklist.OnSiteChecks;
import org.riskmonitor.expert.Expert;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.persistence.GeneratedId;
import org.springframework.stereotype.Component;

/**
 * Coordinator sends experts to assist the enterprise (form {@code plan-assistance-visit}); neither
 * the lead nor the second expert may have declared a conflict of interest with it. Findings of the
 * on-site checklist the sampler asked to track become problems of the visit.
 */
@Component("assistanceVisitPlanning")
public class AssistanceVisitPlanning implements TaskListener {

  private final FormDefinitions forms;
  private final AssistanceMapper mapper;
  private final MonitoringCases cases;
  private final AssignmentOptions options;
  private final CurrentUser currentUser;
  private final DueDates dueDates;
  private final OnSiteChecks onSiteChecks;

  public AssistanceVisitPlanning(FormDefinitions forms, AssistanceMapper mapper, MonitoringCases cases, AssignmentOptions options,
                                 CurrentUser currentUser, DueDates dueDates, OnSiteChecks onSiteChecks) {
    this.forms = forms;
    this.mapper = mapper;
    this.cases = cases;
    this.options = options;
    this.currentUser = currentUser;
    this.dueDates = dueDates;
    this.onSiteChecks = onSiteChecks;
  }

  @Override
  public void notify(DelegateTask task) {
    MonitoringCase monitoringCase = cases.of(task);
    SubmittedForm form = forms.submission(task);
    Expert lead = options.chosenExpert(form, "visitLeadExpertId", monitoringCase, true);
    Expert second = options.chosenExpert(form, "visitSecondExpertId", monitoringCase, false);
    form.dateNotBefore("plannedVisitDate", dueDates.today());
    form.refuseIf(second != null && lead != null && second.userId().equals(lead.userId()),
        "随行专家不能与带队专家相同 The second expert must differ from the lead");
    form.verify();
    GeneratedId key = new GeneratedId();
    mapper.insertVisit(monitoringCase.id(), lead.userId(), second == null ? null : second.userId(),
        form.date("plannedVisitDate"), currentUser.id(), key);
    // what the sampler found on site and asked to track becomes the visit's problems to look at
    for (OnSiteChecks.RaisedFinding finding : onSiteChecks.findingsToRaise(monitoringCase.id())) {
      mapper.insertFindingProblem(monitoringCase.id(), key.getId(), finding.description(), finding.foundOn(),
          finding.answerId());
    }
    task.setVariable("visitId", key.getId());
    task.setVariable("visitLeadExpertId", lead.userId());
  }
}
