package org.riskmonitor.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.input.FormRefusal;
import org.springframework.stereotype.Component;

/**
 * The manager corrects a published item's texts (form {@code correct-publication}) or withdraws it
 * (form {@code withdraw-publication}), giving the reason the public page then shows.
 */
@Component("publicationChangeStep")
public class PublicationChangeStep implements TaskListener {

  private final FormDefinitions forms;
  private final Publications publications;
  private final CurrentUser currentUser;

  public PublicationChangeStep(FormDefinitions forms, Publications publications, CurrentUser currentUser) {
    this.forms = forms;
    this.publications = publications;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    String number = (String) task.getVariable("publicNumber");
    SubmittedForm form = forms.submission(task);
    if ("WITHDRAWAL".equals(task.getVariable("changeKind"))) {
      String reason = form.text("withdrawalReason");
      form.verify();
      if (!publications.withdraw(number, reason, currentUser.id())) {
        throw new FormRefusal("该事项已不在公开状态 The item is no longer published");
      }
      return;
    }
    String title = form.text("publicTitle");
    String failedItems = form.optionalText("publicFailedItems");
    String hazard = form.optionalText("publicHazard");
    String measures = form.optionalText("publicMeasures");
    String reason = form.text("changeReason");
    form.verify();
    Publication item = publications.byNumber(number);
    List<String> changed = new ArrayList<>();
    note(changed, "标题 Title", item.title(), title);
    note(changed, "不合格项目 Failed items", item.failedItems(), failedItems);
    note(changed, "危害 Hazard", item.hazard(), hazard);
    note(changed, "措施 Measures", item.measures(), measures);
    if (changed.isEmpty()) {
      throw new FormRefusal("没有更改任何内容 Nothing was changed");
    }
    Publication corrected = item.corrected(title, failedItems, hazard, measures, null);
    if (!publications.correct(corrected, String.join("；", changed), reason, currentUser.id())) {
      throw new FormRefusal("该事项已不在公开状态 The item is no longer published");
    }
  }

  private static void note(List<String> changed, String label, String before, String after) {
    if (!Objects.equals(blankToNull(before), blankToNull(after))) {
      changed.add(label);
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
