package org.riskmonitor.closure;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.publication.Publications;
import org.springframework.stereotype.Component;

/** The coordinator closes the case with a summary; the outcome and list entry are recorded (form {@code close-case}). */
@Component("caseClosing")
public class CaseClosing implements TaskListener {

  private final FormDefinitions forms;
  private final ClosureMapper mapper;
  private final MonitoringCases cases;
  private final CurrentUser currentUser;
  private final RegulatorClock clock;
  private final Publications publications;

  public CaseClosing(FormDefinitions forms, ClosureMapper mapper, MonitoringCases cases, CurrentUser currentUser,
                     RegulatorClock clock, Publications publications) {
    this.forms = forms;
    this.mapper = mapper;
    this.cases = cases;
    this.currentUser = currentUser;
    this.clock = clock;
    this.publications = publications;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    String summary = form.text("closureSummary");
    form.verify();
    Outcome outcome = Outcome.valueOf((String) task.getVariable("closureOutcome"));
    mapper.insert(cases.idOf(task), outcome.name(), outcome.listEntry().name(), summary, currentUser.id(), clock.now());
    publications.proposeListEntry(task, outcome.listEntry().name(), outcome.label());
  }
}
