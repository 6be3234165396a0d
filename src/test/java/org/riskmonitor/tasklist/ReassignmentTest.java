package org.riskmonitor.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** A coordinator reassigns an open task with a reason; the reason stays in the audit trail. */
class ReassignmentTest extends RiskMonitorTest {

  @Autowired
  private CaseWalker walker;

  @Autowired
  private TestRestTemplate rest;

  @Test
  void aCoordinatorReassignsWithAReason_othersMayNot() {
    String caseNumber = walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "电动自行车").getBusinessKey();
    walker.advanceTo(caseNumber, "Task_AssessRisk", Route.remediated());
    Task assess = walker.openTask(caseNumber);
    String path = "/api/tasks/" + assess.getId() + "/reassignment";

    assertThat(post("enterprise1", path, Map.of("assignee", "expert2", "reason", "x")).getStatusCode().value())
        .isEqualTo(403);
    assertThat(post("coordinator", path, Map.of("assignee", "expert2")).getStatusCode().value()).isEqualTo(400);
    assertThat(post("coordinator", path, Map.of("assignee", "nobody", "reason", "休假")).getStatusCode().value())
        .isEqualTo(400);
    assertThat(engine.getTaskService().createTaskQuery().taskId(assess.getId()).singleResult().getAssignee())
        .isNotEqualTo("expert2");

    ResponseEntity<Map> done = post("coordinator", path, Map.of("assignee", "expert2", "reason", "原专家休假 expert on leave"));
    assertThat(done.getStatusCode().value()).isEqualTo(200);
    assertThat(engine.getTaskService().createTaskQuery().taskId(assess.getId()).singleResult().getAssignee())
        .isEqualTo("expert2");
    assertThat(jdbc.queryForObject("SELECT detail FROM rm_audit_entry WHERE action = 'reassign-task' AND actor = 'coordinator'"
        + " AND case_id = (SELECT id FROM rm_monitoring_case WHERE case_number = ?)", String.class, caseNumber))
        .contains("原专家休假").contains("\"to\":\"expert2\"");
    assertThat(count("rm_notification", "task_id = ? AND recipient = 'expert2' AND kind = 'REASSIGNED:expert2'",
        assess.getId())).isEqualTo(1);
  }

  private ResponseEntity<Map> post(String user, String path, Map<String, String> body) {
    return rest.withBasicAuth(user, DemoPeople.PASSWORD).postForEntity(path, body, Map.class);
  }
}
