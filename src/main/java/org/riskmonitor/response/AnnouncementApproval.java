package org.riskmonitor.response;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.officialdocument.OfficialDocumentKind;
import org.riskmonitor.officialdocument.OfficialDocuments;
import org.springframework.stereotype.Component;

/**
 * A manager approves the public announcement of an enterprise that failed re-inspection or missed
 * its correction deadline (form {@code approve-announcement}; SAMR Order No. 18): the announcement is
 * issued as an official document.
 */
@Component("announcementApproval")
public class AnnouncementApproval implements TaskListener {

  private final FormDefinitions forms;
  private final RiskMeasures measures;
  private final MonitoringCases cases;
  private final CurrentUser currentUser;
  private final OfficialDocuments documents;

  public AnnouncementApproval(FormDefinitions forms, RiskMeasures measures, MonitoringCases cases, CurrentUser currentUser,
                              OfficialDocuments documents) {
    this.documents = documents;
    this.forms = forms;
    this.measures = measures;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    String title = form.text("announcementTitle");
    String text = form.text("announcementText");
    form.verify();
    long id = measures.record(cases.idOf(task), RiskMeasure.Kind.PUBLIC_ANNOUNCEMENT, "DRAFT", title, text, null,
        currentUser.id());
    Object given = task.getVariable("announcementReason");
    String reason = given != null ? (String) given : "复查仍不合格 Failed re-inspection again";
    measures.decide(id, "PUBLISHED", currentUser.id(), reason);
    documents.issue(task, OfficialDocumentKind.PUBLIC_ANNOUNCEMENT,
        Map.of("announcementTitle", title, "announcementText", text, "announcementReason", reason));
    task.setVariable("announcementPublished", true);
  }
}
