package org.riskmonitor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.input.FormRefusal;
import org.springframework.beans.factory.annotation.Autowired;

/** Every write to a case says who made it, when and what; the engine's own operation log agrees. */
class AuditTrailTest extends RiskMonitorTest {

  @Autowired
  private CaseWalker walker;

  @Autowired
  private AuditTrail audit;

  @Test
  void eachStepIsRecordedWithItsActor_andARefusalLeavesNoEntry() {
    ProcessInstance instance = walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "电动自行车");
    walker.advanceTo(instance.getBusinessKey(), "Task_AssignRiskExpert", Route.remediated());
    long caseId = jdbc.queryForObject("SELECT id FROM rm_monitoring_case WHERE case_number = ?", Long.class,
        instance.getBusinessKey());

    assertThat(audit.ofCase(caseId)).extracting(AuditEntry::action, AuditEntry::actor).containsExactly(
        tuple("open-case", "coordinator"), tuple("assign-sampling", "coordinator"), tuple("sampling-slip", "sampler"),
        tuple("confirm-sampling-slip", "enterprise1"), tuple("receive-sample", "lab1"), tuple("test-report", "lab1"),
        tuple("review-report", "lab1b"), tuple("nonconformity-notice", "system"), tuple("respond-to-result", "enterprise1"),
        tuple("objection-outcome", "system"));
    assertThat(audit.ofCase(caseId).get(3).detail()).contains("\"enterpriseSignatory\":\"李明\"");

    Task assign = walker.openTask(instance.getBusinessKey());
    int entries = audit.ofCase(caseId).size();
    assertThatThrownBy(() -> walker.submit(assign, Map.of("expertId", "nobody"))).isInstanceOf(FormRefusal.class);
    assertThat(audit.ofCase(caseId)).hasSize(entries);

    assertThat(engine.getHistoryService().createUserOperationLogQuery().processInstanceId(instance.getId())
        .operationType("Complete").list()).extracting(e -> e.getUserId()).contains("sampler", "enterprise1");
  }
}
