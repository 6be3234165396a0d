package org.riskmonitor.publication;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.riskmonitor.notification.Notifier;
import org.riskmonitor.notification.TaskMail;
import org.springframework.stereotype.Component;

/**
 * Tells the enterprise, before anything is published, what the public may read about it: a mail
 * to every member of its group through the notification outbox, recorded with the item.
 */
@Component("publicationNotice")
public class PublicationNotice implements JavaDelegate {

  static final String KIND = "PUBLICATION_NOTICE";

  private final Publications publications;
  private final Notifier notifier;
  private final TaskMail mail;

  public PublicationNotice(Publications publications, Notifier notifier, TaskMail mail) {
    this.publications = publications;
    this.notifier = notifier;
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = (String) execution.getVariable("publicNumber");
    Publication item = publications.byNumber(number);
    if (item.enterpriseUscc() == null) {
      return;
    }
    List<String> people = mail.members("ent" + item.enterpriseUscc());
    notifier.send("publication-" + number, KIND, people,
        "【风险监测 Risk Monitor】拟公开信息告知 Information to be published：" + number,
        "以下信息经审批后将向社会公开。如有异议，请在审批前联系监管部门。\n"
            + "The following will be published once approved. If you disagree, contact the regulator before then.\n\n"
            + PublicPreview.plain(item));
    if (!people.isEmpty()) {
      publications.enterpriseNotified(number);
    }
    execution.setVariable("enterpriseNotified", !people.isEmpty());
  }
}
