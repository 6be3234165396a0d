package org.riskmonitor.bulletin;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Drafts the bulletin's figures from our tables ({@code ServiceTask_DraftFigures}) and names the process after it. */
@Component("bulletinDrafting")
public class BulletinDrafting implements JavaDelegate {

  private final Bulletins bulletins;

  public BulletinDrafting(Bulletins bulletins) {
    this.bulletins = bulletins;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object requestedBy = execution.getVariable("requestedBy");
    Bulletin b = bulletins.draft((String) execution.getVariable(BulletinRequest.KIND),
        LocalDate.parse((String) execution.getVariable(BulletinRequest.FROM)),
        LocalDate.parse((String) execution.getVariable(BulletinRequest.TO)),
        requestedBy == null ? "system" : requestedBy.toString());
    String number = Bulletins.number(b);
    execution.setProcessBusinessKey(number);
    execution.setVariable(Bulletins.BULLETIN_ID, b.id());
    // the task card's columns (tasklist.TaskCardColumns) and what both forms show
    execution.setVariable("programmeNumber", number);
    execution.setVariable("productName", b.productKindName());
    execution.setVariable("phaseName", "形势分析专刊 Bulletin");
    execution.setVariable("bulletinFigures", BulletinText.figures(b));
  }
}
