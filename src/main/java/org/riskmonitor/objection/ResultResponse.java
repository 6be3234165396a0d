package org.riskmonitor.objection;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.cases.CaseFiles;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.SubmittedForm;
import org.springframework.stereotype.Component;

/** The enterprise accepts the result or objects to it, with grounds (form {@code respond-to-result}). */
@Component("resultResponse")
public class ResultResponse implements TaskListener {

  enum Response { ACCEPT, OBJECT }

  private final ObjectionMapper mapper;
  private final CaseFiles cases;
  private final CurrentUser currentUser;

  public ResultResponse(ObjectionMapper mapper, CaseFiles cases, CurrentUser currentUser) {
    this.mapper = mapper;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = new SubmittedForm(task);
    Response response = form.choice("resultResponse", "答复 Response", Response.class);
    String grounds = form.optionalText("objectionGrounds", "异议理由 Grounds for objection", SubmittedForm.LONG_TEXT);
    form.refuseIf(response == Response.OBJECT && grounds == null,
        "异议理由 Grounds for objection：提出异议时必填 required when objecting");
    form.verify();
    boolean raised = response == Response.OBJECT;
    mapper.insertResponse(cases.idOf(task), ((Number) task.getVariable("resultNoticeId")).longValue(), raised,
        raised ? grounds : null, currentUser.id(), CaseFiles.now());
    task.setVariable("objectionRaised", raised);
  }
}
