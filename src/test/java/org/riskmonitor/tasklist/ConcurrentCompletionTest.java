package org.riskmonitor.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RestVariables;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Two members of the same lab receive the same sample at the same moment, through REST as
 * Tasklist does. Round after round exactly one of them succeeds, the other is told that the task
 * was already completed, and the case holds one receipt: the winner's.
 */
class ConcurrentCompletionTest extends RiskMonitorTest {

  private static final int ROUNDS = 20;
  private static final String E_BIKES = DemoPeople.ENTERPRISES.get(0).get(0);

  @Autowired
  private CaseWalker walker;

  @Autowired
  private TestRestTemplate rest;

  private final ExecutorService racers = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopRacers() throws InterruptedException {
    racers.shutdownNow();
    racers.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void twoLabMembersCompleteTheSameTask_oneWins_theOtherGets409AndOneReceiptIsWritten() throws Exception {
    List<String> losers = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      ProcessInstance instance = walker.open(E_BIKES, "E_BIKE", "电动自行车");
      String caseNumber = instance.getBusinessKey();
      walker.advanceTo(caseNumber, "Task_ReceiveSample", Route.remediated());
      Task task = walker.openTask(caseNumber);
      String body = RestVariables.body(walker.valuesFor(task, Route.remediated()));
      CyclicBarrier start = new CyclicBarrier(2);
      Future<ResponseEntity<String>> first = racers.submit(() -> post(start, "lab1", task, "submit-form", body));
      Future<ResponseEntity<String>> second = racers.submit(() -> post(start, "lab1b", task, "submit-form", body));
      ResponseEntity<String> lab1 = first.get(30, TimeUnit.SECONDS);
      ResponseEntity<String> lab1b = second.get(30, TimeUnit.SECONDS);

      String context = "round " + round + " (" + caseNumber + "): lab1 " + lab1.getStatusCode() + " " + lab1.getBody()
          + ", lab1b " + lab1b.getStatusCode() + " " + lab1b.getBody();
      List<Integer> statuses = List.of(lab1.getStatusCode().value(), lab1b.getStatusCode().value());
      assertThat(statuses).as(context).containsExactlyInAnyOrder(204, 409);
      boolean lab1Won = lab1.getStatusCode().value() == 204;
      ResponseEntity<String> lost = lab1Won ? lab1b : lab1;
      assertThat(lost.getBody()).as(context).contains("该任务已由他人完成").contains("already completed by someone else");
      losers.add(lab1Won ? "lab1b" : "lab1");

      assertThat(jdbc.queryForList("SELECT r.received_by FROM rm_lab_receipt r JOIN rm_monitoring_case c "
          + "ON c.id = r.case_id WHERE c.case_number = ?", String.class, caseNumber))
          .as(context).containsExactly(lab1Won ? "lab1" : "lab1b");
      assertThat(jdbc.queryForList("SELECT a.actor FROM rm_audit_entry a JOIN rm_monitoring_case c ON c.id = a.case_id "
          + "WHERE c.case_number = ? AND a.action = 'receive-sample'", String.class, caseNumber))
          .as(context).containsExactly(lab1Won ? "lab1" : "lab1b");
      assertThat(walker.openTask(caseNumber).getTaskDefinitionKey()).as(context).isEqualTo("Task_TestSample");
    }
    System.out.println("Concurrent completion, " + ROUNDS + " rounds; losers: " + losers);
  }

  private ResponseEntity<String> post(CyclicBarrier start, String user, Task task, String endpoint, String body)
      throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    HttpEntity<String> request = new HttpEntity<>(body, headers);
    TestRestTemplate client = rest.withBasicAuth(user, DemoPeople.PASSWORD);
    start.await(10, TimeUnit.SECONDS);
    return client.postForEntity("/engine-rest/task/" + task.getId() + "/" + endpoint, request, String.class);
  }
}
