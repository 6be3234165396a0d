package org.riskmonitor.publication;

import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Puts the item, exactly as the public will see it, into the task's form; for a correction also
 * the current texts, which the form offers for editing.
 */
@Component("publicationPreview")
public class PublicationPreview implements TaskListener {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Publications publications;

  public PublicationPreview(Publications publications) {
    this.publications = publications;
  }

  @Override
  public void notify(DelegateTask task) {
    Publication item = publications.byNumber((String) task.getVariable("publicNumber"));
    task.setVariable("publicPreview", PublicPreview.markdown(item));
    task.setVariable("enterpriseNoticeLine", item.enterpriseNotifiedAt() != null
        ? "已于 " + item.enterpriseNotifiedAt().format(MINUTE) + " 告知企业 The enterprise was told on this date"
        : "企业无可通知的联系人，未发邮件 The enterprise has no contact to mail");
    if ("CORRECTION".equals(task.getVariable("changeKind"))) {
      task.setVariable("publicTitle", item.title());
      task.setVariable("publicFailedItems", item.failedItems() == null ? "" : item.failedItems());
      task.setVariable("publicHazard", item.hazard() == null ? "" : item.hazard());
      task.setVariable("publicMeasures", item.measures() == null ? "" : item.measures());
    }
  }
}
