package org.riskmonitor.bulletin;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.publication.PublicPreview;
import org.springframework.stereotype.Component;

/**
 * The expert writes the analysis and the countermeasures (form {@code write-bulletin}), shown the
 * drafted figures; after a return the form shows the manager's reason and the text sent back.
 */
@Component("bulletinWriting")
public class BulletinWriting implements TaskListener {

  private final FormDefinitions forms;
  private final Bulletins bulletins;
  private final CurrentUser currentUser;

  public BulletinWriting(FormDefinitions forms, Bulletins bulletins, CurrentUser currentUser) {
    this.forms = forms;
    this.bulletins = bulletins;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    long id = ((Number) task.getVariable(Bulletins.BULLETIN_ID)).longValue();
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      Bulletin b = bulletins.find(id);
      task.setVariable("bulletinReturnLine", b.returnReason() == null ? "—"
          : "退回理由 Returned because：" + PublicPreview.literal(b.returnReason()));
      return;
    }
    SubmittedForm form = forms.submission(task);
    String analysis = form.text("bulletinAnalysis");
    String countermeasures = form.text("bulletinCountermeasures");
    form.verify();
    if (!bulletins.write(id, analysis, countermeasures, currentUser.id())) {
      throw new FormRefusal("该专刊已提交 The bulletin was already submitted");
    }
    task.setVariable("bulletinWritten", BulletinText.written(bulletins.find(id)));
  }
}
