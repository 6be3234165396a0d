package org.riskmonitor.response;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.cases.CaseFiles;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * A manager approves the public announcement of an enterprise that failed re-inspection or missed
 * its correction deadline (form {@code approve-announcement}; SAMR Order No. 18).
 */
@Component("announcementApproval")
public class AnnouncementApproval implements TaskListener {

  private final RiskMeasures measures;
  private final CaseFiles cases;
  private final CurrentUser currentUser;

  public AnnouncementApproval(RiskMeasures measures, CaseFiles cases, CurrentUser currentUser) {
    this.measures = measures;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = new SubmittedForm(task);
    String title = form.text("announcementTitle", "公告标题 Title");
    String text = form.text("announcementText", "公告内容 Text", SubmittedForm.LONG_TEXT);
    form.verify();
    long id = measures.record(cases.idOf(task), RiskMeasure.Kind.PUBLIC_ANNOUNCEMENT, "DRAFT", title, text, null,
        currentUser.id());
    Object reason = task.getVariable("announcementReason");
    measures.decide(id, "PUBLISHED", currentUser.id(),
        reason != null ? (String) reason : "复查仍不合格 Failed re-inspection again");
    task.setVariable("announcementPublished", true);
  }
}
