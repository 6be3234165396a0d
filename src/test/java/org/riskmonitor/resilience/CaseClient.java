package org.riskmonitor.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.riskmonitor.demo.Route;
import org.riskmonitor.demo.StepValues;
import org.riskmonitor.security.Roles;

/**
 * Works a case over the REST API the way its people do in Tasklist, along the shortest path:
 * every test item passes, so after the lab's review the conformity notice is issued (an
 * asynchronous step) and the coordinator closes the case. Each step is submitted by a member of
 * the task's own group, or its assignee, with their own password.
 */
public final class CaseClient {

  /** The user tasks of that path, in order. */
  public static final List<String> PATH = List.of("Task_AssignSampling", "Task_FillSamplingSlip", "Task_ConfirmSamplingSlip",
      "Task_ReceiveSample", "Task_TestSample", "Task_ReviewReport", "Task_CloseCase");

  /** The audit action (the form's id) each step's submission records. */
  public static final Map<String, String> FORM = Map.of("Task_AssignSampling", "assign-sampling",
      "Task_FillSamplingSlip", "sampling-slip", "Task_ConfirmSamplingSlip", "confirm-sampling-slip",
      "Task_ReceiveSample", "receive-sample", "Task_TestSample", "test-report", "Task_ReviewReport", "review-report",
      "Task_CloseCase", "close-case");

  /** Two demo enterprises with a user each. */
  static final List<String> ENTERPRISES = List.of("91120116MA05K8T2XA", "91120113MA06Q3LC78");

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};

  private CaseClient() {
  }

  /** Opens a case as the coordinator through the start form; returns its case number. */
  public static String open(Rest rest, int enterprise) throws IOException {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("planLineId", planLine(rest, enterprise));
    values.put("enterpriseUscc", ENTERPRISES.get(enterprise));
    values.put("productName", enterprise == 0 ? "电动自行车" : "BV 2.5mm² 聚氯乙烯绝缘电线");
    JsonNode instance = rest.post("coordinator", "/engine-rest/process-definition/key/risk-case/submit-form",
        Map.of("variables", typed(values)));
    String caseNumber = instance.path("businessKey").asText(null);
    if (caseNumber == null) {
      throw new IllegalStateException("no case number in " + instance);
    }
    return caseNumber;
  }

  /**
   * The plan line a case of the enterprise is opened from, as the coordinator's opening form offers
   * it: e-bikes in Binhai New Area for the first, cables in Beichen for the second. Where the form
   * offers none, a plan with both lines is drafted, reviewed and approved over REST first.
   */
  static synchronized String planLine(Rest rest, int enterprise) throws IOException {
    String wanted = enterprise == 0 ? "电动自行车 · 生产领域 Production · 滨海新区" : "电线电缆 · 生产领域 Production · 北辰区";
    String line = offeredChoice(rest, "risk-case", "planLineOptions", wanted);
    if (line != null) {
      return line;
    }
    int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    String lab = offeredChoice(rest, "monitoring-plan", "labOptions", "TJQI1");
    List<Map<String, Object>> lines = new ArrayList<>();
    lines.add(planLineRow("E_BIKE", "120116", lab, year));
    lines.add(planLineRow("WIRE_CABLE", "120113", lab, year));
    Map<String, Object> draft = new LinkedHashMap<>();
    draft.put("planYear", year);
    draft.put("planTitle", "韧性测试计划 Plan for the resilience tests");
    draft.put("planLines", lines);
    String plan = rest.post("coordinator", "/engine-rest/process-definition/key/monitoring-plan/submit-form",
        Map.of("variables", typed(draft))).path("id").asText();
    for (Map.Entry<String, Map<String, Object>> step : List.of(
        Map.entry("expert1", Map.<String, Object>of("reviewDecision", "AGREE")),
        Map.entry("manager", Map.<String, Object>of("approvalDecision", "APPROVE")))) {
      String taskId = rest.get(Rest.ADMIN, "/engine-rest/task?processInstanceId=" + plan).get(0).path("id").asText();
      rest.post(step.getKey(), "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", typed(step.getValue())));
    }
    return offeredChoice(rest, "risk-case", "planLineOptions", wanted);
  }

  private static Map<String, Object> planLineRow(String kind, String district, String lab, int year) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("productKind", kind);
    row.put("venue", "PRODUCTION");
    row.put("districtCode", district);
    row.put("batches", 10000);
    row.put("labId", lab);
    row.put("periodFrom", year + "-01-01");
    row.put("periodTo", year + "-12-31");
    row.put("samplingBudget", 100);
    row.put("testingBudget", 1000);
    return row;
  }

  /** The value of the first choice whose label contains the text, in the start form the coordinator loads. */
  private static String offeredChoice(Rest rest, String process, String valuesKey, String labelPart) throws IOException {
    JsonNode form = rest.get("coordinator", "/engine-rest/process-definition/key/" + process + "/deployed-start-form");
    for (JsonNode field : form.findParents("key")) {
      if (!field.has("values") || field.path("values").isEmpty()) {
        continue;
      }
      for (JsonNode option : field.path("values")) {
        if (option.path("label").asText().contains(labelPart) && choiceOf(form, valuesKey, field)) {
          return option.path("value").asText();
        }
      }
    }
    return null;
  }

  /** Whether the select is the one whose choices the deployed form names by valuesKey (the server wrote them in). */
  private static boolean choiceOf(JsonNode form, String valuesKey, JsonNode field) {
    String key = field.path("key").asText();
    return switch (valuesKey) {
      case "planLineOptions" -> "planLineId".equals(key);
      case "labOptions" -> "labId".equals(key);
      default -> false;
    };
  }

  /** The case's open task (admin's view), or null while there is none (ended, or a system step pending). */
  public static JsonNode openTask(Rest rest, String caseNumber) throws IOException {
    JsonNode tasks = rest.get(Rest.ADMIN, "/engine-rest/task?processInstanceBusinessKey=" + caseNumber);
    if (tasks.size() > 1) {
      throw new IllegalStateException(caseNumber + " has " + tasks.size() + " open tasks");
    }
    return tasks.isEmpty() ? null : tasks.get(0);
  }

  /**
   * Submits the case's steps until its open task is {@code stopAt}, or until it has ended when
   * {@code stopAt} is null; waits while an asynchronous step is pending.
   */
  public static void advance(Rest rest, String caseNumber, String stopAt) throws IOException, InterruptedException {
    for (int attempt = 0; attempt < 300; attempt++) {
      JsonNode task = openTask(rest, caseNumber);
      if (task != null && task.path("taskDefinitionKey").asText().equals(stopAt)) {
        return;
      }
      if (task != null) {
        submit(rest, caseNumber, task);
      } else if (rest.get(Rest.ADMIN, "/engine-rest/process-instance/count?businessKey=" + caseNumber)
          .path("count").asLong() == 0) {
        if (stopAt == null) {
          return;
        }
        throw new IllegalStateException(caseNumber + " ended before " + stopAt);
      } else {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException(caseNumber + " did not reach " + (stopAt == null ? "its end" : stopAt));
  }

  /** Submits the task's form as the person who does it. */
  public static void submit(Rest rest, String caseNumber, JsonNode task) throws IOException {
    submit(rest, caseNumber, task, () -> { });
  }

  /** The same, telling {@code sending} just before the submission itself goes out (after uploads and look-ups). */
  public static void submit(Rest rest, String caseNumber, JsonNode task, Runnable sending) throws IOException {
    String user = actor(rest, task);
    Map<String, Object> values = values(rest, caseNumber, task, user);
    sending.run();
    String taskId = task.path("id").asText();
    try {
      rest.post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", values));
    } catch (Rest.Refused refused) {
      // sent again after its answer was lost: the first try may have completed the task
      if (!refused.retried || rest.status(Rest.ADMIN, "/engine-rest/task/" + taskId) != 404) {
        throw refused;
      }
      rest.tookAsDone();
    }
  }

  private static String actor(Rest rest, JsonNode task) throws IOException {
    if (!task.path("assignee").isNull() && !task.path("assignee").asText().isEmpty()) {
      return task.path("assignee").asText();
    }
    String group = null;
    for (JsonNode link : rest.get(Rest.ADMIN, "/engine-rest/task/" + task.path("id").asText() + "/identity-links")) {
      String candidate = link.path("groupId").asText(null);
      if ("candidate".equals(link.path("type").asText()) && candidate != null
          && (group == null || !candidate.equals(Roles.MANAGERS) && !candidate.equals(Roles.COORDINATORS))) {
        group = candidate;
      }
    }
    List<String> members = new ArrayList<>();
    for (JsonNode user : rest.get(Rest.ADMIN, "/engine-rest/user?memberOfGroup=" + group + "&sortBy=userId&sortOrder=asc")) {
      members.add(user.path("id").asText());
    }
    // the lab's first member tests, the second reviews: nobody reviews their own report
    return members.get("Task_ReviewReport".equals(task.path("taskDefinitionKey").asText()) ? 1 : 0);
  }

  /** The sampler answers every open item of the on-site checklist, as the phone page does: all conforming. */
  private static void answerOnSiteChecklist(Rest rest, String caseNumber, String sampler) throws IOException {
    String checklist = "/api/cases/" + caseNumber + "/checklist";
    for (JsonNode item : rest.get(sampler, checklist).path("items")) {
      if (item.path("answer").isObject()) {
        continue;
      }
      rest.post(sampler, checklist + "/answers", Map.of("changeId", UUID.randomUUID().toString(),
          "itemId", item.path("id").asLong(), "answer", "CONFORMING", "baseRevision", 0));
    }
  }

  /**
   * The step's values ({@link StepValues}, each step's first pass) as REST variables, after uploading
   * the step's document on its task as the Documents tab does.
   */
  private static Map<String, Object> values(Rest rest, String caseNumber, JsonNode task, String user) throws IOException {
    JsonNode variables = rest.get(Rest.ADMIN, "/engine-rest/task/" + task.path("id").asText()
        + "/variables?deserializeValues=false");
    LocalDate today = LocalDate.now();
    long caseId = variables.path("caseId").path("value").asLong();
    Map<String, Object> v = new HashMap<>();
    switch (task.path("taskDefinitionKey").asText()) {
      case "Task_AssignSampling" -> {
        v.put("samplerId", firstOption(variables, "samplerOptions"));
        v.put("labId", firstOption(variables, "labOptions"));
      }
      case "Task_FillSamplingSlip" -> {
        answerOnSiteChecklist(rest, caseNumber, user);
        v.putAll(StepValues.samplingSlip(caseId, variables.path("enterpriseName").path("value").asText(),
            Route.allItemsPass().productionDate(), 0, today));
        rest.upload(user, task.path("id").asText(), "SAMPLING_PHOTO", "seal.png", "image/png", png(caseNumber));
      }
      case "Task_ConfirmSamplingSlip" -> v.putAll(StepValues.slipConfirmation());
      case "Task_ReceiveSample" -> v.putAll(StepValues.sampleReceipt(false, today));
      case "Task_TestSample" -> {
        v.putAll(StepValues.testReport(caseId, "INITIAL", 0, variables.path("testItems").path("value").asText(), true,
            today));
        rest.upload(user, task.path("id").asText(), "TEST_REPORT_PDF", "report.pdf", "application/pdf",
            pdf(caseNumber));
      }
      case "Task_ReviewReport" -> v.putAll(StepValues.review(false));
      case "Task_CloseCase" -> v.putAll(StepValues.closure());
      default -> throw new IllegalStateException("not on the path: " + task.path("taskDefinitionKey").asText());
    }
    return typed(v);
  }

  /** A photo and a report of its own for each upload, so that a document mixed up or damaged shows in its SHA-256. */
  private static byte[] png(String caseNumber) {
    byte[] tail = (caseNumber + " " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
    byte[] photo = Arrays.copyOf(PNG, PNG.length + tail.length);
    System.arraycopy(tail, 0, photo, PNG.length, tail.length);
    return photo;
  }

  private static byte[] pdf(String caseNumber) {
    return ("%PDF-1.4\n% " + caseNumber + " " + UUID.randomUUID() + "\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static String firstOption(JsonNode variables, String name) throws IOException {
    return jsonValue(variables, name).get(0).path("value").asText();
  }

  /** A Json variable's value (sent as text, not deserialized). */
  private static JsonNode jsonValue(JsonNode variables, String name) throws IOException {
    return Rest.JSON.readTree(variables.path(name).path("value").asText());
  }

  /** Each value as a typed REST variable: lists and maps as Json text, as the form sends them. */
  private static Map<String, Object> typed(Map<String, Object> values) throws IOException {
    Map<String, Object> typed = new HashMap<>();
    for (Map.Entry<String, Object> value : values.entrySet()) {
      Object plain = value.getValue();
      typed.put(value.getKey(), plain instanceof List || plain instanceof Map
          ? Map.of("value", Rest.JSON.writeValueAsString(plain), "type", "Json")
          : Map.of("value", plain, "type", plain.getClass().getSimpleName()));
    }
    return typed;
  }
}
