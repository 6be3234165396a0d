package org.riskmonitor.objection;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.springframework.stereotype.Component;

/** The enterprise accepts the result or objects to it, with grounds (form {@code respond-to-result}). */
@Component("resultResponseSubmission")
public class ResultResponseSubmission implements TaskListener {

  enum Response { ACCEPT, OBJECT }

  private final FormDefinitions forms;
  private final ObjectionMapper mapper;
  private final MonitoringCases cases;
  private final CurrentUser currentUser;
  private final RegulatorClock clock;

  public ResultResponseSubmission(FormDefinitions forms, ObjectionMapper mapper, MonitoringCases cases, CurrentUser currentUser,
                                  RegulatorClock clock) {
    this.forms = forms;
    this.mapper = mapper;
    this.cases = cases;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    Response response = form.choice("resultResponse", Response.class);
    String grounds = form.textRequiredWhen(response == Response.OBJECT, "objectionGrounds");
    form.verify();
    boolean raised = response == Response.OBJECT;
    mapper.insertResponse(cases.idOf(task), ((Number) task.getVariable("resultNoticeId")).longValue(), raised,
        raised ? grounds : null, currentUser.id(), clock.now());
    task.setVariable("objectionRaised", raised);
  }
}
