package org.riskmonitor.cases;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.riskmonitor.audit.AuditTrail;
import org.riskmonitor.catalogue.Catalogue;
import org.riskmonitor.catalogue.ProductKind;
import org.riskmonitor.enterprise.Enterprise;
import org.riskmonitor.enterprise.EnterpriseRegistry;
import org.riskmonitor.enterprise.Uscc;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * Start of a case (form {@code open-case}): checks the enterprise and product, writes the case,
 * and makes its number the business key every task list shows.
 */
@Component("caseOpening")
public class CaseOpening implements ExecutionListener {

  private final FormDefinitions forms;
  private final MonitoringCases cases;
  private final EnterpriseRegistry enterprises;
  private final Catalogue catalogue;
  private final CurrentUser currentUser;
  private final AuditTrail audit;

  public CaseOpening(AuditTrail audit, FormDefinitions forms, MonitoringCases cases, EnterpriseRegistry enterprises, Catalogue catalogue, CurrentUser currentUser) {
    this.forms = forms;
    this.cases = cases;
    this.enterprises = enterprises;
    this.catalogue = catalogue;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  @Override
  public void notify(DelegateExecution execution) {
    SubmittedForm form = forms.submission(execution);
    String uscc = form.text("enterpriseUscc");
    String kindCode = form.text("productKind");
    String productName = form.text("productName");
    Venue venue = form.choice("venue", Venue.class);
    String planNumber = form.text("planNumber");
    Enterprise enterprise = null;
    if (uscc != null) {
      if (Uscc.check(uscc) == Uscc.Verdict.MALFORMED) {
        form.refuseIf(true, "统一社会信用代码格式不正确 USCC is malformed");
      } else {
        enterprise = enterprises.byUscc(uscc);
        form.refuseIf(enterprise == null, "企业未登记，请先登记企业 Enterprise not registered: " + uscc);
      }
    }
    ProductKind kind = kindCode == null ? null : catalogue.kind(kindCode);
    form.refuseIf(kindCode != null && kind == null, "产品类别 Product kind：不是目录中的类别 not in the catalogue");
    form.verify();

    MonitoringCase opened = cases.open(enterprise.id(), kind.code(), productName, venue, planNumber,
        execution.getProcessInstanceId(), currentUser.id());
    audit.record(opened.id(), "open-case", opened.openedBy(), Map.of("enterpriseUscc", uscc, "productKind", kind.code(),
        "productName", productName, "venue", venue.name(), "planNumber", planNumber));
    execution.setProcessBusinessKey(opened.caseNumber());
    execution.setVariable(MonitoringCases.CASE_ID, opened.id());
    execution.setVariable("caseNumber", opened.caseNumber());
    execution.setVariable("enterpriseGroup", enterprise.groupId());
    execution.setVariable("enterpriseName", enterprise.name());
  }
}
