package org.riskmonitor.laboratory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.exception.RestException;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.camunda.bpm.client.variable.ClientValues;
import org.camunda.bpm.engine.variable.Variables;
import org.riskmonitor.engineapi.LimsCalls;
import org.riskmonitor.laboratory.LimsTopics.Step;

/**
 * A lab's LIMS as docs/lims.md describes it, on Camunda's Java external task client: it long-polls
 * its lab's two topics with the lab's technical user, names the variables it reads, receives or
 * rejects the sample, and reports the tested sample with its items' values and verdicts, tester,
 * reviewer and report PDF. What it does is set by {@link Behaviour}; what happened is kept for the test.
 */
public final class LimsSimulator implements AutoCloseable {

  /** How this LIMS answers. */
  public record Behaviour(boolean rejectSamples, boolean failFirstItem, String tester, String reviewer, int failuresFirst,
                   boolean holdReports, String reportNumber) {

    public static Behaviour accepting() {
      return new Behaviour(false, false, "王检验", "李审核", 0, false, null);
    }

    public Behaviour rejecting() {
      return new Behaviour(true, failFirstItem, tester, reviewer, failuresFirst, holdReports, reportNumber);
    }

    public Behaviour failingFirstItem() {
      return new Behaviour(rejectSamples, true, tester, reviewer, failuresFirst, holdReports, reportNumber);
    }

    /** Takes the report step and never answers, as a LIMS that crashed while holding the lock. */
    Behaviour holdingReports() {
      return new Behaviour(rejectSamples, failFirstItem, tester, reviewer, failuresFirst, true, reportNumber);
    }

    /** Reports a failure of its own this many times before it reports the test. */
    Behaviour failing(int times) {
      return new Behaviour(rejectSamples, failFirstItem, tester, reviewer, times, holdReports, reportNumber);
    }

    Behaviour reviewedBy(String person) {
      return new Behaviour(rejectSamples, failFirstItem, tester, person, failuresFirst, holdReports, reportNumber);
    }

    Behaviour numbering(String number) {
      return new Behaviour(rejectSamples, failFirstItem, tester, reviewer, failuresFirst, holdReports, number);
    }
  }

  /** One answer the engine refused, with its reason. */
  public record Refusal(String taskId, Step step, int status, String message) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger REPORTS = new AtomicInteger();

  private final ExternalTaskClient client;
  private final String workerId;
  private final Behaviour behaviour;
  private final AtomicInteger failuresLeft;
  public final List<String> completed = Collections.synchronizedList(new ArrayList<>());
  final List<String> held = Collections.synchronizedList(new ArrayList<>());
  public final List<Refusal> refusals = Collections.synchronizedList(new ArrayList<>());
  /** The report PDFs this LIMS sent, by external task id. */
  final Map<String, byte[]> pdfs = Collections.synchronizedMap(new HashMap<>());

  private LimsSimulator(String engineRest, String user, String password, String labGroup, String workerId,
                        long lockMillis, Behaviour behaviour, String caseNumber) {
    this.workerId = workerId;
    this.behaviour = behaviour;
    this.failuresLeft = new AtomicInteger(behaviour.failuresFirst());
    this.client = ExternalTaskClient.create().baseUrl(engineRest).workerId(workerId)
        .addInterceptor(new BasicAuthProvider(user, password)).maxTasks(1).asyncResponseTimeout(1_000)
        .lockDuration(lockMillis).disableBackoffStrategy().build();
    // a real LIMS takes every task of its topics; each test's LIMS keeps to the case the test watches
    client.subscribe(Step.RECEIVE.topic(labGroup)).variables(Step.RECEIVE.readable().toArray(String[]::new))
        .businessKey(caseNumber).handler(this::receive).open();
    client.subscribe(Step.REPORT.topic(labGroup)).variables(Step.REPORT.readable().toArray(String[]::new))
        .businessKey(caseNumber).handler(this::report).open();
  }

  /** A LIMS working the lab's tasks of one case. */
  public static LimsSimulator start(String engineRest, String user, String password, String labGroup, String workerId,
                             long lockMillis, Behaviour behaviour, String caseNumber) {
    return new LimsSimulator(engineRest, user, password, labGroup, workerId, lockMillis, behaviour, caseNumber);
  }

  private void receive(ExternalTask task, ExternalTaskService service) {
    Map<String, Object> values = new HashMap<>();
    values.put("sampleCondition", "封样完好，数量与抽样单一致 Seals intact, quantity as on the slip");
    values.put("receivedOn", LocalDate.now().minusDays(1).toString());
    answer(task, Step.RECEIVE, () -> {
      if (behaviour.rejectSamples()) {
        values.put("rejectionReason", "封条破损 The seal is broken");
        service.handleBpmnError(task, LimsTopics.SAMPLE_REJECTED, "样品拒收 Sample rejected", values);
      } else {
        service.complete(task, values);
      }
    });
  }

  private void report(ExternalTask task, ExternalTaskService service) {
    if (behaviour.holdReports()) {
      held.add(task.getId());
      return;
    }
    if (failuresLeft.getAndDecrement() > 0) {
      int retries = task.getRetries() == null ? LimsCalls.MAX_RETRIES : task.getRetries() - 1;
      answer(task, Step.REPORT, () -> service.handleFailure(task, "LIMS仪器接口超时 instrument interface timed out (" + workerId
          + ")", "lims stack trace", retries, 0));
      return;
    }
    byte[] pdf = reportPdf();
    Map<String, Object> values = new HashMap<>();
    values.put("reportNumber", behaviour.reportNumber() != null ? behaviour.reportNumber()
        : "LIMS-" + workerId + "-" + System.nanoTime() % 1_000_000 + "-" + REPORTS.incrementAndGet());
    values.put("testedOn", LocalDate.now().minusDays(1).toString());
    values.put("testItems", ClientValues.jsonValue(results(task.getVariable("testItems"))));
    values.put("testedBy", behaviour.tester());
    values.put("reviewedBy", behaviour.reviewer());
    values.put("reportPdf", Variables.fileValue("report-" + task.getBusinessKey() + ".pdf").file(pdf)
        .mimeType("application/pdf").create());
    answer(task, Step.REPORT, () -> {
      service.complete(task, values);
      pdfs.put(task.getId(), pdf);
    });
  }

  /** The items the engine offered, each with a measured value and a verdict. */
  private String results(String offered) {
    try {
      ArrayNode rows = (ArrayNode) JSON.readTree(offered);
      for (int i = 0; i < rows.size(); i++) {
        ObjectNode row = (ObjectNode) rows.get(i);
        boolean fail = behaviour.failFirstItem() && i == 0;
        row.put("measuredValue", fail ? "不符合 out of limit" : "符合 within limit");
        row.put("verdict", fail ? "FAIL" : "PASS");
      }
      return JSON.writeValueAsString(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void answer(ExternalTask task, Step step, Runnable call) {
    try {
      call.run();
      completed.add(task.getId());
    } catch (RestException refused) {
      refusals.add(new Refusal(task.getId(), step, refused.getHttpStatusCode() == null ? 0 : refused.getHttpStatusCode(),
          refused.getMessage()));
    }
  }

  private static byte[] reportPdf() {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.addPage(new PDPage());
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.stop();
  }
}
