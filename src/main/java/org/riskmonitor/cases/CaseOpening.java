package org.riskmonitor.cases;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.riskmonitor.audit.AuditTrail;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.enterprise.Enterprise;
import org.riskmonitor.enterprise.EnterpriseRegistry;
import org.riskmonitor.enterprise.Uscc;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.input.FormRefusal;
import org.springframework.stereotype.Component;

/**
 * Start of a case (form {@code open-case}): takes one batch of an approved plan line, whose
 * product kind, venue and district the case inherits, for an enterprise of that district; writes
 * the case and makes its number the business key every task list shows. Taking the batch is a
 * guarded update in the same transaction as the case, so two coordinators never take one last batch.
 */
@Component("caseOpening")
public class CaseOpening implements ExecutionListener {

  private final FormDefinitions forms;
  private final MonitoringCases cases;
  private final CaseMapper mapper;
  private final EnterpriseRegistry enterprises;
  private final CurrentUser currentUser;
  private final AuditTrail audit;
  private final RegulatorClock clock;

  public CaseOpening(AuditTrail audit, FormDefinitions forms, MonitoringCases cases, CaseMapper mapper,
                     EnterpriseRegistry enterprises, CurrentUser currentUser, RegulatorClock clock) {
    this.forms = forms;
    this.cases = cases;
    this.mapper = mapper;
    this.enterprises = enterprises;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    SubmittedForm form = forms.submission(execution);
    String lineId = form.text("planLineId");
    String uscc = form.text("enterpriseUscc");
    String productName = form.text("productName");
    PlanLineOffer line = lineId == null || !lineId.matches("\\d{1,18}") ? null : mapper.planLine(Long.parseLong(lineId));
    form.refuseIf(lineId != null && line == null, form.label("planLineId") + "：不是可选的值 not one of the choices");
    LocalDate today = clock.today();
    if (line != null) {
      form.refuseIf(!"APPROVED".equals(line.planStatus()), "计划" + line.planNumber() + "尚未批准，不能据此开案 Plan "
          + line.planNumber() + " is not approved: no case can be opened from it");
      form.refuseIf(today.isBefore(line.periodFrom()) || today.isAfter(line.periodTo()), line.reference()
          + "的抽样期为" + line.periodFrom() + "至" + line.periodTo() + "，今天不在期内，请经理修订计划 The line's period is "
          + line.periodFrom() + " to " + line.periodTo() + " and today is outside it; ask a manager to amend the plan");
      form.refuseIf(line.usedUp(), usedUp(line));
    }
    Enterprise enterprise = null;
    if (uscc != null) {
      if (Uscc.check(uscc) == Uscc.Verdict.MALFORMED) {
        form.refuseIf(true, "统一社会信用代码格式不正确 USCC is malformed");
      } else {
        enterprise = enterprises.byUscc(uscc);
        form.refuseIf(enterprise == null, "企业未登记，请先登记企业 Enterprise not registered: " + uscc);
      }
    }
    if (line != null && enterprise != null) {
      form.refuseIf(!line.districtCode().equals(enterprise.districtCode()), "企业所在区域（"
          + enterprises.districtName(enterprise.districtCode()) + "）不是该计划行的区域（" + line.districtName()
          + "） The enterprise is not in the plan line's district (" + line.districtName() + ")");
    }
    form.verify();

    if (mapper.takeBatch(line.id(), today) != 1) {
      // another coordinator took the last batch, or the line changed, since it was read
      PlanLineOffer now = mapper.planLine(line.id());
      throw new FormRefusal(now.usedUp() ? usedUp(now)
          : line.reference() + "：现在不能据此开案 No case can be opened from this line now");
    }
    Venue venue = Venue.valueOf(line.venue());
    MonitoringCase opened = cases.open(enterprise.id(), line.productKind(), productName, venue, line.id(),
        execution.getProcessInstanceId(), currentUser.id());
    audit.record(opened.id(), "open-case", opened.openedBy(), Map.of("planLineId", line.id(),
        "planLine", line.reference(), "enterpriseUscc", uscc, "productKind", line.productKind(),
        "productName", productName, "venue", venue.name()));
    execution.setProcessBusinessKey(opened.caseNumber());
    execution.setVariable(MonitoringCases.CASE_ID, opened.id());
    execution.setVariable("caseNumber", opened.caseNumber());
    execution.setVariable("enterpriseGroup", enterprise.groupId());
    execution.setVariable("enterpriseName", enterprise.name());
  }

  private static String usedUp(PlanLineOffer line) {
    return "该计划行批次已用完（" + line.casesOpened() + "/" + line.batches() + "），请经理修订计划 This plan line's batches are used up ("
        + line.casesOpened() + " of " + line.batches() + "); ask a manager to amend the plan";
  }
}
