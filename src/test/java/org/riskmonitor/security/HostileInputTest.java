package org.riskmonitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RestVariables;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.enterprise.Uscc;
import org.riskmonitor.checklist.ChecklistRequests;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * More than a thousand generated hostile submissions (fields × kinds of attack, from a fixed seed)
 * against task completion of several steps' forms and against our own endpoints. Every one must
 * be refused with a 4xx and a message, never a 500 or a success, and the database must be exactly
 * as it was: every row of our tables and of the engine's runtime, history and identity tables.
 */
class HostileInputTest extends RiskMonitorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String E_BIKES = DemoPeople.ENTERPRISES.get(0).get(0);
  private static final String CABLES = DemoPeople.ENTERPRISES.get(1).get(0);
  private static final String ADMIN = "hostileadmin";
  private static final String ADMIN_PASSWORD = "Hostile-Admin-2026!";
  private static final String KB10 = "检".repeat(10 * 1024);
  private static final String MB1 = "x".repeat(1024 * 1024);
  private static final String SCRIPT = "<script>alert(document.cookie)</script>";
  private static final String IMG = "<img src=x onerror=alert(1)>";
  private static final String SQL = "'; DROP TABLE rm_monitoring_case; --";
  private static final String SQL_OR = "1' OR '1'='1";
  private static final String EMOJI = "样品完好😀";
  private static final String NUL = "样品\u0000完好";
  private static final String NESTED_ARRAYS = "[".repeat(100_000) + "]".repeat(100_000);
  /**
   * Written by the engine's metrics reporter on a timer, whatever requests arrive; nothing a
   * request writes. Every other engine, identity and domain table is compared.
   */
  private static final List<String> CHANGING_ON_THEIR_OWN = List.of("ACT_RU_METER_LOG");
  private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};

  @Autowired
  private CaseWalker walker;

  @Autowired
  private TestRestTemplate rest;

  private final Random random = new Random(20260707L);

  /** One hostile request: who sends what where, and under which heading the summary counts it. */
  private record Attempt(String target, String attack, String user, String password, HttpMethod method, String path,
                         HttpEntity<?> entity) {
  }

  /** A step's open task with the values a careful user would submit there, and who would submit them. */
  private record Step(Task task, String user, Map<String, Object> values, String formId) {
  }

  @Test
  void thousandsOfHostileSubmissions_allRefusedWith4xxAndAMessage_andNothingIsWritten() throws Exception {
    ensureOwnAdministrator();
    List<Step> steps = new ArrayList<>();
    for (String[] stop : new String[][] {{"Task_AssignSampling", "assign-sampling"},
        {"Task_FillSamplingSlip", "sampling-slip"},
        {"Task_ConfirmSamplingSlip", "confirm-sampling-slip"}, {"Task_ReceiveSample", "receive-sample"},
        {"Task_TestSample", "test-report"}, {"Task_ReviewReport", "review-report"},
        {"Task_RespondToResult", "respond-to-result"}, {"Task_AssessRisk", "assess-risk"},
        {"Task_AnalyseCauses", "analyse-causes"}, {"Task_SubmitRemediationPlan", "submit-remediation-plan"}}) {
      steps.add(stepAt(E_BIKES, "E_BIKE", stop[0], stop[1]));
    }
    Step otherEnterprises = stepAt(CABLES, "WIRE_CABLE", "Task_ConfirmSamplingSlip", "confirm-sampling-slip");
    String ownCase = caseNumberOf(steps.get(2).task());
    String otherCase = caseNumberOf(otherEnterprises.task());
    long otherCasesDocument = jdbc.queryForObject("SELECT MAX(d.id) FROM rm_document d JOIN rm_monitoring_case c "
        + "ON c.id = d.case_id WHERE c.case_number = ?", Long.class, caseNumberOf(steps.get(9).task()));

    List<Attempt> attempts = new ArrayList<>();
    for (Step step : steps) {
      attempts.addAll(formAttacks(step));
    }
    attempts.addAll(forgedTasks(steps, otherEnterprises, otherCasesDocument));
    attempts.addAll(uploads(ownCase, otherCase));
    attempts.addAll(downloads(otherCasesDocument));
    attempts.addAll(reassignments(steps.get(3).task()));
    attempts.addAll(onboarding());
    attempts.addAll(pools());
    attempts.addAll(calendar());
    attempts.addAll(dashboard());
    attempts.addAll(unreadableJson(steps));
    attempts.addAll(malformedRequests(ownCase));
    attempts.addAll(checklists(caseNumberOf(steps.get(1).task())));
    attempts.addAll(checklistEditor());
    System.out.println("Hostile input: " + attempts.size() + " requests generated");
    assertThat(attempts.size()).isGreaterThanOrEqualTo(1000);

    Map<String, String> before = snapshot();
    List<String> wrong = new ArrayList<>();
    Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
    long started = System.nanoTime();
    for (Attempt attempt : attempts) {
      ResponseEntity<String> response = rest.withBasicAuth(attempt.user(), attempt.password())
          .exchange(attempt.path(), attempt.method(), attempt.entity(), String.class);
      int status = response.getStatusCode().value();
      statuses.computeIfAbsent(attempt.target(), t -> new TreeMap<>()).merge(status, 1, Integer::sum);
      String body = response.getBody();
      if (status < 400 || status >= 500 || body == null || body.isBlank()) {
        wrong.add(attempt.target() + " / " + attempt.attack() + ": " + status + " "
            + (body == null ? "" : body.substring(0, Math.min(300, body.length()))));
      }
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    Map<String, String> after = snapshot();

    System.out.println("Hostile input: " + attempts.size() + " requests in " + seconds + " s; statuses by target:");
    statuses.forEach((target, counts) -> System.out.println("  " + target + " " + counts));
    assertThat(wrong).as("requests not refused with a 4xx and a message").isEmpty();
    TreeSet<String> changed = new TreeSet<>();
    before.forEach((table, digest) -> {
      if (!digest.equals(after.get(table))) {
        changed.add(table);
      }
    });
    changed.addAll(after.keySet().stream().filter(t -> !before.containsKey(t)).toList());
    assertThat(before).as("tables compared").hasSizeGreaterThan(60);
    assertThat(changed).as("tables written by refused requests").isEmpty();

    // the values each attack altered one field of are valid: sent as they are, every form is accepted
    for (Step step : steps) {
      ResponseEntity<String> accepted = rest.withBasicAuth(step.user(), DemoPeople.PASSWORD).exchange(
          "/engine-rest/task/" + step.task().getId() + "/submit-form", HttpMethod.POST,
          jsonEntity(RestVariables.body(step.values())), String.class);
      assertThat(accepted.getStatusCode().value()).as(step.formId() + ": " + accepted.getBody()).isEqualTo(204);
    }
  }

  /** Bad input is refused with a message saying what is wrong, in Chinese and in English, and writes nothing. */
  @Test
  void badInputIsRefusedWithAClearBilingualMessage() {
    Step assess = stepAt(E_BIKES, "E_BIKE", "Task_AssessRisk", "assess-risk");
    String caseNumber = caseNumberOf(assess.task());
    String ofTheCase = "case_id = (SELECT id FROM rm_monitoring_case WHERE case_number = ?)";
    long documents = count("rm_document", ofTheCase, caseNumber);
    long auditEntries = count("rm_audit_entry", ofTheCase, caseNumber);
    String submit = "/engine-rest/task/" + assess.task().getId() + "/submit-form";
    String reassign = "/api/tasks/" + assess.task().getId() + "/reassignment";
    HttpHeaders text = new HttpHeaders();
    text.setContentType(MediaType.TEXT_PLAIN);

    // a raw CR LF would end the part's header line: the server sees a name cut short (refused by its type)
    for (String name : List.of("photo\u0000.png", "pho\u0001to.png", "pho\tto.png", "photo\u202Egnp.exe")) {
      assertRefused(send(upload("enterprise1", caseNumber, "SAMPLING_PHOTO", name, PNG, "control character")), 400,
          "文件名含有控制字符", "The file name contains control characters");
    }
    assertRefused(send(completion(assess, "submit-form", "nested", withJsonText(assess.values(), "riskScenarios",
        NESTED_ARRAYS))), 400, "嵌套层数超过", "nested more than");
    assertRefused(send(completion(assess, "submit-form", "not JSON", withJsonText(assess.values(), "riskScenarios",
        "[{\"description\": "))), 400, "不是有效的JSON", "not valid JSON");
    assertRefused(send(new Attempt("reassignment", "malformed", "coordinator", DemoPeople.PASSWORD, HttpMethod.POST,
        reassign, jsonEntity("{\"assignee\": "))), 400, "不是有效的JSON", "not valid JSON");
    assertRefused(send(new Attempt("reassignment", "text", "coordinator", DemoPeople.PASSWORD, HttpMethod.POST,
        reassign, new HttpEntity<>("assignee=expert2", text))), 415, "不支持该请求内容类型", "Content type not supported");
    assertRefused(send(new Attempt("dashboard", "year", "manager", DemoPeople.PASSWORD, HttpMethod.GET,
        "/dashboard?from=-999999999-01-01", null)), 400, "日期超出范围", "Date out of range");
    assertRefused(send(new Attempt("dashboard", "date", "manager", DemoPeople.PASSWORD, HttpMethod.GET,
        "/dashboard?from=yesterday", null)), 400, "参数 from 格式不正确", "Parameter from has the wrong format");
    assertRefused(send(new Attempt("dashboard", "figure", "manager", DemoPeople.PASSWORD, HttpMethod.GET,
        "/dashboard/cases", null)), 400, "缺少参数 figure", "Parameter figure is required");

    assertThat(count("rm_document", ofTheCase, caseNumber)).isEqualTo(documents);
    Task still = engine.getTaskService().createTaskQuery().taskId(assess.task().getId()).singleResult();
    assertThat(still).isNotNull();
    assertThat(still.getAssignee()).isEqualTo(assess.task().getAssignee());
    assertThat(count("rm_audit_entry", ofTheCase, caseNumber)).isEqualTo(auditEntries);
  }

  private ResponseEntity<String> send(Attempt attempt) {
    return rest.withBasicAuth(attempt.user(), attempt.password())
        .exchange(attempt.path(), attempt.method(), attempt.entity(), String.class);
  }

  private static void assertRefused(ResponseEntity<String> response, int status, String chinese, String english) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getBody()).contains(chinese).contains(english);
  }

  // ---- task completion: each field of the step's form × the attacks that fit its type

  private List<Attempt> formAttacks(Step step) throws IOException {
    List<Attempt> attempts = new ArrayList<>();
    JsonNode form = readForm(step.formId());
    List<JsonNode> fields = new ArrayList<>();
    collectFields(form.path("components"), fields);
    for (JsonNode field : fields) {
      String type = field.path("type").asText();
      String key = "dynamiclist".equals(type) ? field.path("path").asText() : field.path("key").asText();
      boolean required = field.path("validate").path("required").asBoolean(false);
      Map<String, Object> attacks = new LinkedHashMap<>();
      switch (type) {
        case "textfield", "textarea" -> {
          attacks.put("number", 42);
          attacks.put("boolean", true);
          attacks.put("array", json("[\"a\", \"b\"]"));
          attacks.put("object", json("{\"value\": \"a\"}"));
          attacks.put("10 kB", KB10);
          attacks.put("script", SCRIPT);
          attacks.put("img onerror", IMG);
          attacks.put("emoji", EMOJI);
          attacks.put("NUL", NUL);
        }
        case "number" -> {
          attacks.put("words", "很多");
          attacks.put("fraction", "1.5");
          attacks.put("negative", -1);
          attacks.put("overflow", 99_999_999_999L);
          attacks.put("boolean", true);
          attacks.put("array", json("[1]"));
          attacks.put("SQL", "1; DELETE FROM rm_sample");
          attacks.put("script", SCRIPT);
        }
        case "datetime" -> {
          attacks.put("impossible date", "2025-13-40");
          attacks.put("words", "yesterday");
          attacks.put("number", 20250101);
          attacks.put("SQL", "2025-01-01' OR '1'='1");
          attacks.put("script", SCRIPT);
          attacks.put("10 kB", KB10);
          attacks.put("object", json("{\"date\": \"2025-01-01\"}"));
        }
        case "checkbox" -> {
          attacks.put("words", "yes");
          attacks.put("number", 1);
          attacks.put("array", json("[true]"));
          attacks.put("script", SCRIPT);
        }
        case "radio", "select" -> {
          attacks.put("unknown choice", "NOT_A_CHOICE");
          attacks.put("lower case", String.valueOf(step.values().getOrDefault(key, "accepted")).toLowerCase(Locale.ROOT)
              + "x");
          attacks.put("number", 999_999);
          attacks.put("SQL", SQL_OR);
          attacks.put("script", SCRIPT);
          attacks.put("10 kB", KB10);
          attacks.put("array", json("[\"ACCEPTED\"]"));
        }
        case "checklist", "taglist" -> {
          attacks.put("plain string", "STOP_SALES");
          attacks.put("unknown choice", json("[\"NOT_A_CHOICE\"]"));
          attacks.put("numbers", json("[1, 2]"));
          attacks.put("object", json("{\"a\": 1}"));
          attacks.put("script", json("[\"" + SCRIPT.replace("/", "\\/") + "\"]"));
        }
        case "dynamiclist" -> {
          attacks.put("plain string", "rows");
          attacks.put("object", json("{\"a\": 1}"));
          attacks.put("numbers", json("[1, 2]"));
          attacks.put("empty rows", json("[{}]"));
          attacks.put("1000 rows", json(thousandRows(step.values().get(key))));
          for (JsonNode column : field.path("components")) {
            String columnKey = column.path("key").asText();
            attacks.put(columnKey + " script", json(withCell(step.values().get(key), columnKey, SCRIPT)));
            attacks.put(columnKey + " 10 kB", json(withCell(step.values().get(key), columnKey, KB10)));
            attacks.put(columnKey + " emoji", json(withCell(step.values().get(key), columnKey, EMOJI)));
            attacks.put(columnKey + " number", json(withCell(step.values().get(key), columnKey, 7)));
          }
        }
        default -> {
          continue;
        }
      }
      // a field the form hides in some cases is required only when shown; leaving it out may be right
      if (required && !field.has("conditional") && step.values().containsKey(key)) {
        attacks.put("missing", null);
        if (!"dynamiclist".equals(type) && !"checklist".equals(type)) {
          attacks.put("blank", "   ");
        }
      }
      for (Map.Entry<String, Object> attack : attacks.entrySet()) {
        Map<String, Object> values = new HashMap<>(step.values());
        if (attack.getValue() == null) {
          values.remove(key);
        } else {
          values.put(key, attack.getValue());
        }
        for (String endpoint : List.of("submit-form", "complete")) {
          attempts.add(completion(step, endpoint, key + " " + attack.getKey(), RestVariables.body(values)));
        }
      }
    }
    // a megabyte in the step's first text field, once per endpoint: far past any limit
    String firstText = fields.stream().filter(f -> f.path("type").asText().startsWith("text"))
        .map(f -> f.path("key").asText()).findFirst().orElse(fields.get(0).path("path").asText());
    Map<String, Object> huge = new HashMap<>(step.values());
    huge.put(firstText, MB1);
    for (String endpoint : List.of("submit-form", "complete")) {
      attempts.add(completion(step, endpoint, firstText + " 1 MB", RestVariables.body(huge)));
    }
    // bodies that are no form at all
    for (String body : List.of("{\"variables\": ", "not json", "[]", "{\"variables\": [1, 2]}",
        "{\"variables\": {\"" + firstText + "\": {\"value\": \"a\", \"type\": \"Nonsense\"}}}",
        "{\"variables\": {\"" + firstText + "\": {\"value\": {\"x\": 1}, \"type\": \"Integer\"}}}",
        "{\"variables\": {\"" + firstText + "\": {\"value\": \"x\", \"type\": \"Object\", \"valueInfo\": "
            + "{\"objectTypeName\": \"java.lang.Runtime\", \"serializationDataFormat\": \"application/x-java-serialized-object\"}}}}")) {
      attempts.add(completion(step, "submit-form", "malformed body", body));
    }
    return attempts;
  }

  /** Ids that are not the user's to use: other companies' tasks, tasks that do not exist, another case's document. */
  private List<Attempt> forgedTasks(List<Step> steps, Step otherEnterprises, long otherCasesDocument) {
    List<Attempt> attempts = new ArrayList<>();
    for (String endpoint : List.of("submit-form", "complete")) {
      String valid = RestVariables.body(otherEnterprises.values());
      attempts.add(new Attempt("forged task", "enterprise1 completes enterprise2's task", "enterprise1", DemoPeople.PASSWORD,
          HttpMethod.POST, "/engine-rest/task/" + otherEnterprises.task().getId() + "/" + endpoint, jsonEntity(valid)));
      attempts.add(new Attempt("forged task", "lab2 completes lab A's task", "lab2", DemoPeople.PASSWORD,
          HttpMethod.POST, "/engine-rest/task/" + steps.get(3).task().getId() + "/" + endpoint,
          jsonEntity(RestVariables.body(steps.get(3).values()))));
      attempts.add(new Attempt("forged task", "expert2 completes expert1's task", "expert2", DemoPeople.PASSWORD,
          HttpMethod.POST, "/engine-rest/task/" + steps.get(7).task().getId() + "/" + endpoint,
          jsonEntity(RestVariables.body(steps.get(7).values()))));
      for (String id : List.of("00000000-0000-0000-0000-000000000000", "999999", "' OR '1'='1", "..%2F..%2Fprocess-instance",
          "%3Cscript%3E", "a".repeat(300))) {
        attempts.add(new Attempt("forged task", "no such task " + id.substring(0, Math.min(12, id.length())),
            "coordinator", DemoPeople.PASSWORD, HttpMethod.POST, "/engine-rest/task/" + id + "/" + endpoint,
            jsonEntity(valid)));
      }
      Step test = steps.get(4);
      Map<String, Object> values = new HashMap<>(test.values());
      values.put("attachedDocumentIds", json("[" + otherCasesDocument + "]"));
      attempts.add(completion(test, endpoint, "another case's document", RestVariables.body(values)));
      values.put("attachedDocumentIds", json("[999999999]"));
      attempts.add(completion(test, endpoint, "no such document", RestVariables.body(values)));
      values.put("attachedDocumentIds", json("[\"" + SQL_OR + "\"]"));
      attempts.add(completion(test, endpoint, "document id SQL", RestVariables.body(values)));
      Step confirm = steps.get(2);
      // process variables the form does not have: a forged case, group or expert must not be taken over
      for (String forged : List.of("caseId", "enterpriseGroup", "samplingSiteGroup", "testLabGroup", "expertId", "caseNumber",
          "samplerId")) {
        Map<String, Object> withForged = new HashMap<>(confirm.values());
        withForged.put(forged, "caseId".equals(forged) ? (Object) 1 : "enterprise-evil");
        attempts.add(completion(confirm, endpoint, "forged variable " + forged, RestVariables.body(withForged)));
      }
    }
    return attempts;
  }

  // ---- our endpoints

  private List<Attempt> uploads(String ownCase, String otherCase) {
    List<Attempt> attempts = new ArrayList<>();
    byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
    byte[] html = ("<html><body>" + SCRIPT + "</body></html>").getBytes(StandardCharsets.UTF_8);
    byte[] svg = ("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>").getBytes(StandardCharsets.UTF_8);
    byte[] noise = new byte[4096];
    random.nextBytes(noise);
    Map<String, Object[]> contents = new LinkedHashMap<>();
    contents.put("exe as pdf", new Object[] {"report.pdf", exe});
    contents.put("html as pdf", new Object[] {"report.pdf", html});
    contents.put("svg", new Object[] {"photo.svg", svg});
    contents.put("html", new Object[] {"page.html", html});
    contents.put("noise as png", new Object[] {"photo.png", noise});
    contents.put("png named pdf", new Object[] {"report.pdf", PNG});
    contents.put("pdf named exe", new Object[] {"report.exe", PDF});
    contents.put("empty", new Object[] {"report.pdf", new byte[0]});
    for (String kind : List.of("SAMPLING_PHOTO", "SAMPLING_SLIP_SCAN", "TEST_REPORT_PDF", "REMEDIATION_EVIDENCE",
        "VISIT_PHOTO")) {
      contents.forEach((attack, content) -> attempts.add(upload("enterprise1", ownCase, kind, (String) content[0],
          (byte[]) content[1], attack)));
    }
    for (String kind : List.of("EXE", SCRIPT, SQL, "", "test_report_pdf", KB10)) {
      attempts.add(upload("enterprise1", ownCase, kind, "photo.png", PNG, "kind " + kind.substring(0, Math.min(10, kind.length()))));
    }
    attempts.add(upload("enterprise1", ownCase, "TEST_REPORT_PDF", "photo.png", PNG, "png as test report"));
    for (String name : List.of("photo\u0000.png", "pho\u0001to.png", "photo\r\n.png", "pho\tto.png", "pho\u007fto.png",
        "photo\u202Egnp.exe")) {
      attempts.add(upload("enterprise1", ownCase, "SAMPLING_PHOTO", name, PNG, "control character in name "
          + name.codePoints().filter(c -> Character.isISOControl(c) || c > 0x2000).mapToObj(c -> String.format("U+%04X", c))
          .toList()));
    }
    for (String caseNumber : List.of(otherCase, "TJ-2026-999999", "TJ' OR '1'='1", "%3Cscript%3E", "..%2F..%2Fetc")) {
      attempts.add(upload("enterprise1", caseNumber, "SAMPLING_PHOTO", "photo.png", PNG, "case " + caseNumber));
    }
    attempts.add(upload("lab2", ownCase, "SAMPLING_PHOTO", "photo.png", PNG, "lab not on the case"));
    MultiValueMap<String, Object> noFile = new LinkedMultiValueMap<>();
    noFile.add("kind", "SAMPLING_PHOTO");
    attempts.add(new Attempt("upload", "no file", "enterprise1", DemoPeople.PASSWORD, HttpMethod.POST,
        "/api/cases/" + ownCase + "/documents", multipart(noFile)));
    attempts.add(new Attempt("upload", "json body", "enterprise1", DemoPeople.PASSWORD, HttpMethod.POST,
        "/api/cases/" + ownCase + "/documents", jsonEntity("{\"kind\": \"SAMPLING_PHOTO\", \"file\": \"AAAA\"}")));
    return attempts;
  }

  private List<Attempt> downloads(long otherCasesDocument) {
    List<Attempt> attempts = new ArrayList<>();
    for (String id : List.of(String.valueOf(otherCasesDocument), "999999999", "-1", "abc", "1%20OR%201%3D1",
        "99999999999999999999", "%3Cscript%3E")) {
      attempts.add(new Attempt("download", "document " + id, "enterprise2", DemoPeople.PASSWORD, HttpMethod.GET,
          "/api/documents/" + id, null));
    }
    return attempts;
  }

  private List<Attempt> reassignments(Task task) {
    List<Attempt> attempts = new ArrayList<>();
    String path = "/api/tasks/" + task.getId() + "/reassignment";
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("unknown assignee", "{\"assignee\": \"nobody\", \"reason\": \"休假\"}");
    bodies.put("assignee SQL", "{\"assignee\": \"" + SQL_OR + "\", \"reason\": \"休假\"}");
    bodies.put("assignee number", "{\"assignee\": 42, \"reason\": \"休假\"}");
    bodies.put("assignee array", "{\"assignee\": [\"lab1b\"], \"reason\": \"休假\"}");
    bodies.put("assignee object", "{\"assignee\": {\"id\": \"lab1b\"}, \"reason\": \"休假\"}");
    bodies.put("no reason", "{\"assignee\": \"lab1b\"}");
    bodies.put("blank reason", "{\"assignee\": \"lab1b\", \"reason\": \"   \"}");
    bodies.put("10 kB reason", "{\"assignee\": \"lab1b\", \"reason\": \"" + KB10 + "\"}");
    bodies.put("script reason", "{\"assignee\": \"lab1b\", \"reason\": \"" + SCRIPT.replace("/", "\\/") + "\"}");
    bodies.put("emoji reason", "{\"assignee\": \"lab1b\", \"reason\": \"" + EMOJI + "\"}");
    bodies.put("NUL reason", "{\"assignee\": \"lab1b\", \"reason\": \"a\\u0000b\"}");
    bodies.put("malformed", "{\"assignee\": ");
    bodies.put("not json", "assignee=lab1b");
    bodies.put("array", "[\"lab1b\"]");
    bodies.put("empty", "");
    bodies.forEach((attack, body) -> attempts.add(new Attempt("reassignment", attack, "coordinator",
        DemoPeople.PASSWORD, HttpMethod.POST, path, jsonEntity(body))));
    String valid = "{\"assignee\": \"lab1b\", \"reason\": \"休假\"}";
    for (String id : List.of("no-such-task", "' OR '1'='1", "%3Cscript%3E")) {
      attempts.add(new Attempt("reassignment", "task " + id, "coordinator", DemoPeople.PASSWORD, HttpMethod.POST,
          "/api/tasks/" + id + "/reassignment", jsonEntity(valid)));
    }
    attempts.add(new Attempt("reassignment", "by an enterprise", "enterprise1", DemoPeople.PASSWORD, HttpMethod.POST,
        path, jsonEntity(valid)));
    // the task is lab A's: nobody outside lab A may be given it
    for (String outsider : List.of("lab2", "enterprise1", "expert1", "sampler", "coordinator")) {
      attempts.add(new Attempt("reassignment", "to " + outsider, "coordinator", DemoPeople.PASSWORD, HttpMethod.POST,
          path, jsonEntity("{\"assignee\": \"" + outsider + "\", \"reason\": \"休假\"}")));
    }
    HttpHeaders text = new HttpHeaders();
    text.setContentType(MediaType.TEXT_PLAIN);
    attempts.add(new Attempt("reassignment", "text/plain", "coordinator", DemoPeople.PASSWORD, HttpMethod.POST, path,
        new HttpEntity<>(valid, text)));
    attempts.add(new Attempt("reassignment", "no body, no type", "coordinator", DemoPeople.PASSWORD, HttpMethod.POST,
        path, new HttpEntity<>(new HttpHeaders())));
    return attempts;
  }

  private List<Attempt> onboarding() {
    List<Attempt> attempts = new ArrayList<>();
    String first17 = "91120115MA05H0QT1";
    String uscc = first17 + Uscc.checkCharacter(first17);
    Map<String, List<String>> attacks = new LinkedHashMap<>();
    attacks.put("uscc", List.of("", "91120115MA05H0QT", uscc + "0", uscc.toLowerCase(Locale.ROOT),
        first17 + (Uscc.checkCharacter(first17) == '0' ? '1' : '0'), "91120115MA05H0QTI" + "0", SQL, SCRIPT, "９１１２０１１５ＭＡ０５Ｈ０ＱＴ１Ｘ",
        "91120115MA05H0QT\u00001", E_BIKES));
    attacks.put("name", List.of("", "   ", KB10, MB1, SCRIPT, EMOJI, NUL));
    attacks.put("address", List.of("", KB10, SCRIPT, EMOJI, NUL));
    attacks.put("districtCode", List.of("", "999999", SQL, SCRIPT, "12011"));
    attacks.put("industrialCluster", List.of(KB10, SCRIPT, EMOJI));
    attacks.put("usccCheckOverride", List.of("maybe", "2", SCRIPT));
    attacks.put("userId", List.of("", "ab", "enterprise1", "admin", SQL, SCRIPT, EMOJI, "a".repeat(41), "bad user"));
    attacks.put("lastName", List.of("", KB10, SCRIPT, EMOJI, NUL, "x".repeat(300)));
    attacks.put("firstName", List.of(KB10, SCRIPT, EMOJI, NUL, "x".repeat(300)));
    attacks.put("email", List.of("not-an-email", SCRIPT, KB10, "a@b.c" + EMOJI, "x@" + "y".repeat(300) + ".cn"));
    attacks.forEach((field, values) -> {
      for (int i = 0; i < values.size(); i++) {
        MultiValueMap<String, String> form = registration(uscc, "hostile" + i);
        form.set(field, values.get(i));
        attempts.add(form("onboarding", field + " #" + i, "coordinator", DemoPeople.PASSWORD, "/manage/enterprises", form));
      }
    });
    MultiValueMap<String, String> valid = registration(uscc, "hostileok");
    attempts.add(form("onboarding", "by an enterprise", "enterprise1", DemoPeople.PASSWORD, "/manage/enterprises", valid));
    attempts.add(form("onboarding", "by a lab", "lab1", DemoPeople.PASSWORD, "/manage/enterprises", valid));
    return attempts;
  }

  private List<Attempt> pools() {
    List<Attempt> attempts = new ArrayList<>();
    Map<String, String[]> conflicts = new LinkedHashMap<>();
    conflicts.put("unknown expert", new String[] {"nobody", CABLES, "曾任顾问"});
    conflicts.put("expert SQL", new String[] {SQL_OR, CABLES, "曾任顾问"});
    conflicts.put("bad uscc", new String[] {"expert1", "91120113MA06Q3LC7", "曾任顾问"});
    conflicts.put("unknown uscc", new String[] {"expert1", "91120113MA06Q3LC79", "曾任顾问"});
    conflicts.put("uscc script", new String[] {"expert1", SCRIPT, "曾任顾问"});
    conflicts.put("no reason", new String[] {"expert1", CABLES, ""});
    conflicts.put("10 kB reason", new String[] {"expert1", CABLES, KB10});
    conflicts.put("1 MB reason", new String[] {"expert1", CABLES, MB1});
    conflicts.put("script reason", new String[] {"expert1", CABLES, SCRIPT});
    conflicts.put("emoji reason", new String[] {"expert1", CABLES, EMOJI});
    conflicts.put("NUL reason", new String[] {"expert1", CABLES, NUL});
    conflicts.forEach((attack, values) -> {
      MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
      form.add("userId", values[0]);
      form.add("uscc", values[1]);
      form.add("reason", values[2]);
      attempts.add(form("expert conflicts", attack, "coordinator", DemoPeople.PASSWORD, "/manage/experts/conflicts", form));
    });
    MultiValueMap<String, String> validConflict = new LinkedMultiValueMap<>();
    validConflict.add("userId", "expert1");
    validConflict.add("uscc", CABLES);
    validConflict.add("reason", "曾任顾问");
    attempts.add(form("expert conflicts", "by an expert", "expert1", DemoPeople.PASSWORD, "/manage/experts/conflicts",
        validConflict));
    for (String[] specialties : new String[][] {{"expert1", "NOT_A_KIND"}, {"expert1", SQL}, {"expert1", SCRIPT},
        {"expert1", KB10}, {"expert1", ""}, {"nobody", "E_BIKE"}}) {
      MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
      if (!specialties[1].isEmpty()) {
        form.add("productKinds", specialties[1]);
      }
      attempts.add(form("expert specialties", specialties[0] + " " + specialties[1].substring(0, Math.min(10,
          specialties[1].length())), "coordinator", DemoPeople.PASSWORD, "/manage/experts/" + specialties[0]
          + "/specialties", form));
    }
    long labId = jdbc.queryForObject("SELECT MIN(id) FROM rm_lab", Long.class);
    for (String[] change : new String[][] {{String.valueOf(labId), "-1", "E_BIKE"}, {String.valueOf(labId), "abc", "E_BIKE"},
        {String.valueOf(labId), "99999", "E_BIKE"}, {String.valueOf(labId), "1e3", "E_BIKE"},
        {String.valueOf(labId), SQL, "E_BIKE"}, {String.valueOf(labId), "10", "NOT_A_KIND"},
        {String.valueOf(labId), "10", SCRIPT}, {String.valueOf(labId), "10", ""}, {"999999", "10", "E_BIKE"},
        {"abc", "10", "E_BIKE"}, {"-1", "10", "E_BIKE"}}) {
      MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
      form.add("capacity", change[1]);
      if (!change[2].isEmpty()) {
        form.add("productKinds", change[2]);
      }
      attempts.add(form("labs", "lab " + change[0] + " capacity " + change[1].substring(0, Math.min(8, change[1].length()))
          + " kind " + change[2].substring(0, Math.min(8, change[2].length())), "coordinator", DemoPeople.PASSWORD,
          "/manage/labs/" + change[0], form));
    }
    return attempts;
  }

  private List<Attempt> calendar() {
    List<Attempt> attempts = new ArrayList<>();
    for (String[] day : new String[][] {{"2027-13-01", "假日"}, {"yesterday", "假日"}, {"", "假日"}, {SQL, "假日"},
        {"2027-10-01", ""}, {"2027-10-01", KB10}, {"2027-10-01", SCRIPT}, {"2027-10-01", EMOJI}, {"2027-10-01", NUL},
        {"2027-10-01", MB1}, {"99999-10-01", "假日"}}) {
      MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
      form.add("day", day[0]);
      form.add("working", "false");
      form.add("name", day[1]);
      attempts.add(form("calendar", "day " + day[0].substring(0, Math.min(10, day[0].length())) + " name "
          + day[1].substring(0, Math.min(6, day[1].length())), ADMIN, ADMIN_PASSWORD, "/manage/calendar", form));
    }
    MultiValueMap<String, String> notBoolean = new LinkedMultiValueMap<>();
    notBoolean.add("day", "2027-10-01");
    notBoolean.add("working", "maybe");
    notBoolean.add("name", "假日");
    attempts.add(form("calendar", "working maybe", ADMIN, ADMIN_PASSWORD, "/manage/calendar", notBoolean));
    MultiValueMap<String, String> missing = new LinkedMultiValueMap<>();
    missing.add("working", "true");
    attempts.add(form("calendar", "no day, no name", ADMIN, ADMIN_PASSWORD, "/manage/calendar", missing));
    MultiValueMap<String, String> valid = new LinkedMultiValueMap<>();
    valid.add("day", "2027-10-01");
    valid.add("name", "国庆节");
    attempts.add(form("calendar", "by a coordinator", "coordinator", DemoPeople.PASSWORD, "/manage/calendar", valid));
    return attempts;
  }

  private List<Attempt> dashboard() {
    List<Attempt> attempts = new ArrayList<>();
    for (String query : List.of("from=yesterday", "from=2026-02-30", "to=" + SQL.replace(" ", "%20").replace(";", "%3B"),
        "from=%3Cscript%3E", "from=2026-01-01&to=abc")) {
      attempts.add(new Attempt("dashboard", query, "manager", DemoPeople.PASSWORD, HttpMethod.GET, "/dashboard?" + query, null));
      attempts.add(new Attempt("programme report", query, "manager", DemoPeople.PASSWORD, HttpMethod.GET,
          "/dashboard/programme-report.pdf?" + query, null));
    }
    for (String query : List.of("from=2026-12-31&to=2026-01-01", "productKind=%3Cscript%3E", "lab=abc",
        "district=" + SQL.replace(" ", "%20").replace(";", "%3B"), "riskLevel=EXTREME")) {
      attempts.add(new Attempt("programme report", query, "manager", DemoPeople.PASSWORD, HttpMethod.GET,
          "/dashboard/programme-report.pdf?" + query, null));
    }
    for (String user : List.of("enterprise1", "lab1", "sampler", "expert1")) {
      attempts.add(new Attempt("programme report", "by " + user, user, DemoPeople.PASSWORD, HttpMethod.GET,
          "/dashboard/programme-report.pdf", null));
    }
    return attempts;
  }

  /**
   * Json values no form has, in each step's first Json field: nested 100,000 levels deep as a
   * string (as Tasklist sends Json) and as a JSON literal, text that is not JSON at all, and null.
   */
  private List<Attempt> unreadableJson(List<Step> steps) {
    List<Attempt> attempts = new ArrayList<>();
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("100,000 nested arrays", NESTED_ARRAYS);
    texts.put("100,000 nested objects", "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000));
    texts.put("not JSON", "[{\"description\": ");
    for (Step step : steps) {
      String key = step.values().entrySet().stream().filter(e -> e.getValue() instanceof TypedValue)
          .map(Map.Entry::getKey).sorted().findFirst().orElse(null);
      if (key == null) {
        continue;
      }
      texts.forEach((attack, text) -> {
        for (String endpoint : List.of("submit-form", "complete")) {
          attempts.add(completion(step, endpoint, key + " " + attack, withJsonText(step.values(), key, text)));
        }
      });
      attempts.add(completion(step, "submit-form", key + " nested literal",
          "{\"variables\": {\"" + key + "\": {\"type\": \"Json\", \"value\": " + NESTED_ARRAYS + "}}}"));
      attempts.add(completion(step, "submit-form", key + " Json null",
          "{\"variables\": {\"" + key + "\": {\"type\": \"Json\", \"value\": null}}}"));
    }
    return attempts;
  }

  /** Our own endpoints with bodies, types, methods and parameters they do not take. */
  private List<Attempt> malformedRequests(String ownCase) {
    List<Attempt> attempts = new ArrayList<>();
    for (String query : List.of("year=abc", "year=99999999999", "year=-999999999", "year=10000")) {
      attempts.add(new Attempt("malformed", "calendar " + query, ADMIN, ADMIN_PASSWORD, HttpMethod.GET,
          "/manage/calendar?" + query, null));
    }
    for (String day : List.of("-999999999-01-01", "0999-12-31", "+10000-01-01")) {
      MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
      form.add("day", day);
      form.add("name", "假日");
      attempts.add(form("malformed", "calendar day " + day, ADMIN, ADMIN_PASSWORD, "/manage/calendar", form));
    }
    attempts.add(new Attempt("malformed", "calendar as JSON", ADMIN, ADMIN_PASSWORD, HttpMethod.POST, "/manage/calendar",
        jsonEntity("{\"day\": \"2027-10-01\", \"name\": \"假日\"}")));
    for (String query : List.of("from=-999999999-01-01", "to=-0005-01-01", "from=0999-12-31", "from=2026-01-01&to=%2B10000-01-01")) {
      for (String page : List.of("/dashboard?", "/dashboard/cases?figure=closed&", "/dashboard/export/figures.csv?",
          "/dashboard/programme-report.pdf?", "/dashboard/labs-and-experts?",
          "/dashboard/labs-and-experts/cases?figure=visits&row=expert1&")) {
        attempts.add(new Attempt("malformed", page + query, "manager", DemoPeople.PASSWORD, HttpMethod.GET, page + query,
            null));
      }
    }
    attempts.add(new Attempt("malformed", "cases without figure", "manager", DemoPeople.PASSWORD, HttpMethod.GET,
        "/dashboard/cases", null));
    attempts.add(new Attempt("malformed", "dashboard by POST", "manager", DemoPeople.PASSWORD, HttpMethod.POST,
        "/dashboard", jsonEntity("{}")));
    attempts.add(new Attempt("malformed", "documents by DELETE", "enterprise1", DemoPeople.PASSWORD, HttpMethod.DELETE,
        "/api/cases/" + ownCase + "/documents", null));
    attempts.add(new Attempt("malformed", "no such API", "enterprise1", DemoPeople.PASSWORD, HttpMethod.GET,
        "/api/no-such-thing", null));
    MultiValueMap<String, String> notBoolean = registration("91120115MA05H0QT1X", "hostilebool");
    notBoolean.add("usccCheckOverride", "9".repeat(40));
    attempts.add(form("malformed", "onboarding override not boolean", "coordinator", DemoPeople.PASSWORD,
        "/manage/enterprises", notBoolean));
    attempts.add(new Attempt("malformed", "onboarding as JSON", "coordinator", DemoPeople.PASSWORD, HttpMethod.POST,
        "/manage/enterprises", jsonEntity("{\"uscc\": \"x\"}")));
    return attempts;
  }

  /**
   * The on-site checklist of a case at its sampling slip, every item already answered by its sampler:
   * answers and photos no rule lets through, sent by the sampler, and anything at all sent by people
   * who are not the case's sampler or the regulator's staff.
   */
  private List<Attempt> checklists(String samplersCase) {
    String api = "/api/cases/" + samplersCase + "/checklist";
    long item = jdbc.queryForObject("SELECT MIN(a.item_id) FROM rm_checklist_answer a JOIN rm_case_checklist cc"
        + " ON cc.id = a.case_checklist_id JOIN rm_monitoring_case c ON c.id = cc.case_id WHERE c.case_number = ?",
        Long.class, samplersCase);
    long otherKindsItem = jdbc.queryForObject("SELECT MIN(i.id) FROM rm_checklist_item i JOIN rm_checklist l"
        + " ON l.id = i.checklist_id WHERE l.product_kind = 'GAS_STOVE'", Long.class);
    Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
    for (Object answer : java.util.Arrays.asList(null, "", "MAYBE", "conforming", SCRIPT, SQL, KB10, 1, true)) {
      answers.put("answer " + String.valueOf(answer).substring(0, Math.min(12, String.valueOf(answer).length())),
          checklistAnswer(item, answer, "说明", 1));
    }
    for (String note : java.util.Arrays.asList(null, " ", SCRIPT, IMG, KB10, NUL, EMOJI, "长".repeat(1001))) {
      answers.put("finding note " + (note == null ? "null" : note.substring(0, Math.min(12, note.length()))),
          checklistAnswer(item, "FINDING", note, 1));
    }
    for (Object itemId : java.util.Arrays.asList(null, -1, 0, 999_999_999L, otherKindsItem, "abc", SQL_OR, 1.5)) {
      answers.put("item " + itemId, checklistAnswer(itemId, "FINDING", "说明", 1));
    }
    for (Object changeId : java.util.Arrays.asList(null, "", "short", SCRIPT, SQL, "a".repeat(37), "x".repeat(7))) {
      Map<String, Object> change = checklistAnswer(item, "FINDING", "说明", 1);
      change.put("changeId", changeId);
      answers.put("changeId " + changeId, change);
    }
    for (Object base : java.util.Arrays.asList(null, -1, 0, "one", 99)) {
      answers.put("baseRevision " + base, checklistAnswer(item, "FINDING", "另一设备所见 Seen on another device", base));
    }
    List<Attempt> attempts = new ArrayList<>();
    answers.forEach((attack, change) -> attempts.add(new Attempt("checklist answer", attack, "sampler",
        DemoPeople.PASSWORD, HttpMethod.POST, api + "/answers", jsonEntity(ChecklistRequests.json(change)))));
    for (String body : List.of("", "{", "[]", "null", NESTED_ARRAYS, "{\"itemId\": " + MB1 + "}")) {
      attempts.add(new Attempt("checklist answer", "body " + body.substring(0, Math.min(8, body.length())), "sampler",
          DemoPeople.PASSWORD, HttpMethod.POST, api + "/answers", jsonEntity(body)));
    }
    MultiValueMap<String, String> formEncoded = new LinkedMultiValueMap<>();
    formEncoded.add("itemId", String.valueOf(item));
    attempts.add(form("checklist answer", "form-encoded", "sampler", DemoPeople.PASSWORD, api + "/answers", formEncoded));
    Map<String, Object[]> photos = new LinkedHashMap<>();
    photos.put("program as jpg", new Object[] {"photo.jpg", "MZ\u0090 This program".getBytes(StandardCharsets.ISO_8859_1)});
    photos.put("html as png", new Object[] {"photo.png", SCRIPT.getBytes(StandardCharsets.UTF_8)});
    photos.put("empty", new Object[] {"photo.png", new byte[0]});
    photos.put("pdf named png", new Object[] {"photo.png", PDF});
    photos.put("nul in name", new Object[] {"pho\u0000to.png", PNG});
    photos.forEach((attack, content) -> attempts.add(checklistPhoto("sampler", api + "/items/" + item + "/photos",
        UUID.randomUUID().toString(), (String) content[0], (byte[]) content[1], attack)));
    for (String changeId : java.util.Arrays.asList(null, "x", SQL)) {
      attempts.add(checklistPhoto("sampler", api + "/items/" + item + "/photos", changeId, "photo.png", PNG,
          "photo changeId " + changeId));
    }
    for (String itemPath : List.of("-1", "abc", "999999999", String.valueOf(otherKindsItem), "1%20OR%201%3D1")) {
      attempts.add(checklistPhoto("sampler", api + "/items/" + itemPath + "/photos", UUID.randomUUID().toString(),
          "photo.png", PNG, "photo item " + itemPath));
    }
    for (String outsider : List.of("enterprise1", "enterprise2", "lab1", "expert1")) {
      attempts.add(new Attempt("checklist outsider", outsider + " reads", outsider, DemoPeople.PASSWORD, HttpMethod.GET,
          api, null));
      attempts.add(new Attempt("checklist outsider", outsider + " answers", outsider, DemoPeople.PASSWORD,
          HttpMethod.POST, api + "/answers", jsonEntity(ChecklistRequests.json(checklistAnswer(item, "FINDING", "说明", 1)))));
      attempts.add(checklistPhoto(outsider, api + "/items/" + item + "/photos", UUID.randomUUID().toString(),
          "photo.png", PNG, outsider + " photo"));
      attempts.add(new Attempt("checklist outsider", outsider + " opens the page", outsider, DemoPeople.PASSWORD,
          HttpMethod.GET, "/sampling/" + samplersCase + "/checklist", null));
    }
    for (String caseNumber : List.of("TJ-2026-999999", "TJ' OR '1'='1", "%3Cscript%3E", "..%2F..%2Fetc")) {
      attempts.add(new Attempt("checklist case", "case " + caseNumber, "sampler", DemoPeople.PASSWORD, HttpMethod.POST,
          "/api/cases/" + caseNumber + "/checklist/answers", jsonEntity(ChecklistRequests.json(checklistAnswer(item, "FINDING", "说明", 1)))));
    }
    attempts.add(new Attempt("checklist case", "checklist by DELETE", "sampler", DemoPeople.PASSWORD, HttpMethod.DELETE,
        api, null));
    return attempts;
  }

  /**
   * Edits of a kind's checklist with one field no rule lets through (every other field as the
   * editor's form holds it), and edits by people who may not edit.
   */
  private List<Attempt> checklistEditor() {
    String kind = "GAS_STOVE";
    String version = String.valueOf(jdbc.queryForObject("SELECT MAX(version) FROM rm_checklist WHERE product_kind = ?",
        Integer.class, kind));
    Map<String, Consumer<MultiValueMap<String, String>>> attacks = new LinkedHashMap<>();
    for (String area : List.of("", "EXE", SCRIPT, SQL, "label")) {
      attacks.put("area " + area.substring(0, Math.min(8, area.length())), f -> f.set("area.0", area));
    }
    for (String text : java.util.Arrays.asList(" ", SCRIPT, IMG, KB10, EMOJI, NUL)) {
      String shown = text.substring(0, Math.min(8, text.length()));
      attacks.put("title " + shown, f -> f.set("title.0", text));
      attacks.put("method " + shown, f -> f.set("method.0", text));
      attacks.put("finding criterion " + shown, f -> f.set("findingCriterion.0", text));
      attacks.put("change note " + shown, f -> f.set("changeNote", text));
    }
    for (String edited : List.of("", "abc", "-1", "0", "99999999999", SQL_OR)) {
      attacks.put("edited version " + edited, f -> f.set("editedVersion", edited));
    }
    attacks.put("every row removed", f -> {
      for (int i = 0; i < 10; i++) {
        f.set("remove." + i, "on");
      }
    });
    attacks.put("61 items", f -> {
      for (int i = 100; i < 161; i++) {
        f.set("area." + i, "PRODUCT");
        f.set("title." + i, "检查 " + i);
        f.set("method." + i, "看 Look");
        f.set("findingCriterion." + i, "缺 Missing");
      }
    });
    List<Attempt> attempts = new ArrayList<>();
    attacks.forEach((attack, change) -> {
      MultiValueMap<String, String> form = checklistEdit(kind, version);
      change.accept(form);
      attempts.add(form("checklist editor", attack, "expert1", DemoPeople.PASSWORD, "/manage/checklists/" + kind, form));
    });
    for (String user : List.of("manager", "enterprise1", "lab1", "sampler")) {
      attempts.add(form("checklist editor", user + " edits", user, DemoPeople.PASSWORD, "/manage/checklists/" + kind,
          checklistEdit(kind, version)));
    }
    for (String path : List.of("NO_SUCH_KIND", "GAS_STOVE'%20OR%20'1'='1", "%3Cscript%3E")) {
      attempts.add(form("checklist editor", "kind " + path, "expert1", DemoPeople.PASSWORD, "/manage/checklists/" + path,
          checklistEdit(kind, version)));
    }
    attempts.add(new Attempt("checklist editor", "edit as JSON", "expert1", DemoPeople.PASSWORD, HttpMethod.POST,
        "/manage/checklists/" + kind, jsonEntity("{\"editedVersion\": \"" + version + "\"}")));
    attempts.add(new Attempt("checklist editor", "version abc", "expert1", DemoPeople.PASSWORD, HttpMethod.GET,
        "/manage/checklists/" + kind + "?version=abc", null));
    return attempts;
  }

  /** The editor's form of a kind's checklist in force, as the page would post it unchanged. */
  private MultiValueMap<String, String> checklistEdit(String kind, String version) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("editedVersion", version);
    form.add("changeNote", "敌意测试 Hostile test");
    List<Map<String, Object>> items = jdbc.queryForList("SELECT i.area, i.title, i.method, i.finding_criterion"
        + " FROM rm_checklist_item i JOIN rm_checklist l ON l.id = i.checklist_id"
        + " WHERE l.product_kind = ? AND l.version = ? ORDER BY i.position", kind, Integer.valueOf(version));
    for (int i = 0; i < items.size(); i++) {
      form.add("area." + i, (String) items.get(i).get("area"));
      form.add("title." + i, (String) items.get(i).get("title"));
      form.add("method." + i, (String) items.get(i).get("method"));
      form.add("findingCriterion." + i, (String) items.get(i).get("finding_criterion"));
    }
    return form;
  }

  private static Map<String, Object> checklistAnswer(Object itemId, Object answer, String note, Object baseRevision) {
    return ChecklistRequests.answer(itemId, answer, note, baseRevision);
  }

  private static Attempt checklistPhoto(String user, String path, String changeId, String fileName, byte[] content,
                                        String attack) {
    return new Attempt("checklist photo", attack, user, DemoPeople.PASSWORD, HttpMethod.POST, path,
        ChecklistRequests.photo(changeId, fileName, content));
  }

  // ---- building requests

  private Attempt completion(Step step, String endpoint, String attack, String body) {
    return new Attempt("task " + step.formId(), attack, step.user(), DemoPeople.PASSWORD, HttpMethod.POST,
        "/engine-rest/task/" + step.task().getId() + "/" + endpoint, jsonEntity(body));
  }

  private Attempt upload(String user, String caseNumber, String kind, String fileName, byte[] content, String attack) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("kind", kind);
    parts.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    return new Attempt("upload", attack, user, DemoPeople.PASSWORD, HttpMethod.POST, "/api/cases/" + caseNumber + "/documents",
        multipart(parts));
  }

  private static Attempt form(String target, String attack, String user, String password, String path,
                              MultiValueMap<String, String> form) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return new Attempt(target, attack, user, password, HttpMethod.POST, path, new HttpEntity<>(form, headers));
  }

  /** The step's values with one Json variable's text replaced, sent as it is, unparsed. */
  private static String withJsonText(Map<String, Object> values, String key, String text) {
    ObjectNode variables = RestVariables.variables(values);
    variables.putObject(key).put("value", text).put("type", "Json");
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    return body.toString();
  }

  private static HttpEntity<String> jsonEntity(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private static HttpEntity<MultiValueMap<String, Object>> multipart(MultiValueMap<String, Object> parts) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(parts, headers);
  }

  private static MultiValueMap<String, String> registration(String uscc, String userId) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("uscc", uscc);
    form.add("name", "天津宝坻敌意测试电器厂");
    form.add("address", "天津市宝坻区");
    form.add("districtCode", "120115");
    form.add("userId", userId);
    form.add("lastName", "钱");
    form.add("firstName", "多");
    form.add("email", "qian@example.cn");
    return form;
  }

  // ---- the cases the attacks aim at

  private Step stepAt(String uscc, String productKind, String taskKey, String formId) {
    String caseNumber = walker.open(uscc, productKind, "敌意测试产品").getBusinessKey();
    walker.advanceTo(caseNumber, taskKey, Route.remediated());
    Task task = walker.openTask(caseNumber);
    assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
    return new Step(task, walker.actorFor(task), walker.valuesFor(task, Route.remediated()), formId);
  }

  private String caseNumberOf(Task task) {
    return (String) engine.getTaskService().getVariable(task.getId(), "caseNumber");
  }

  private void ensureOwnAdministrator() {
    if (engine.getIdentityService().createUserQuery().userId(ADMIN).count() == 0) {
      User admin = engine.getIdentityService().newUser(ADMIN);
      admin.setPassword(ADMIN_PASSWORD);
      engine.getIdentityService().saveUser(admin);
      engine.getIdentityService().createMembership(ADMIN, Roles.ADMINS);
    }
  }

  private static JsonNode readForm(String formId) throws IOException {
    try (InputStream in = HostileInputTest.class.getResourceAsStream("/forms/" + formId + ".form")) {
      return JSON.readTree(in);
    }
  }

  private static void collectFields(JsonNode components, List<JsonNode> into) {
    for (JsonNode component : components) {
      if (component.has("key") || "dynamiclist".equals(component.path("type").asText())) {
        into.add(component);
      } else if (component.has("components")) {
        collectFields(component.path("components"), into);
      }
    }
  }

  private static Object json(String text) {
    return org.camunda.spin.plugin.variable.SpinValues.jsonValue(text).create();
  }

  private static String rowsOf(Object value, Consumer<ArrayNode> change) {
    try {
      ArrayNode rows = (ArrayNode) JSON.readTree(((org.camunda.bpm.engine.variable.value.TypedValue) value).getValue()
          .toString());
      change.accept(rows);
      return rows.toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String withCell(Object value, String column, Object cell) {
    return rowsOf(value, rows -> {
      ObjectNode first = (ObjectNode) rows.get(0);
      if (cell instanceof Integer number) {
        first.put(column, number);
      } else {
        first.put(column, (String) cell);
      }
    });
  }

  private static String thousandRows(Object value) {
    return rowsOf(value, rows -> {
      JsonNode first = rows.get(0);
      while (rows.size() < 1000) {
        rows.add(first.deepCopy());
      }
    });
  }

  // ---- the database before and after

  /** Every domain, engine runtime, history, identity and byte-array table: its row count and a digest of its rows. */
  private Map<String, String> snapshot() {
    List<String> tables = jdbc.execute((java.sql.Connection connection) -> {
      DatabaseMetaData meta = connection.getMetaData();
      // quoted as the database spells them: Flyway's history tables keep lower case on H2
      String quote = meta.getIdentifierQuoteString();
      List<String> names = new ArrayList<>();
      try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String name = rs.getString("TABLE_NAME");
          String upper = name.toUpperCase(Locale.ROOT);
          if ((upper.startsWith("RM_") || upper.startsWith("ACT_RU_") || upper.startsWith("ACT_HI_")
              || upper.startsWith("ACT_ID_") || upper.equals("ACT_GE_BYTEARRAY"))
              && !CHANGING_ON_THEIR_OWN.contains(upper)) {
            names.add(quote + name + quote);
          }
        }
      }
      return names;
    });
    Map<String, String> digests = new TreeMap<>();
    for (String table : tables) {
      long[] sum = new long[2];
      // refused engine API calls are recorded on purpose; every other audit entry is compared
      String refusalsLeftOut = table.toUpperCase(Locale.ROOT).contains("RM_AUDIT_ENTRY")
          ? " WHERE action <> 'refused-engine-api-call'" : "";
      jdbc.query("SELECT * FROM " + table + refusalsLeftOut, (ResultSet rs) -> {
        int columns = rs.getMetaData().getColumnCount();
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(cell(rs.getObject(i))).append('\u0001');
        }
        sum[0]++;
        sum[1] += digest(row.toString());
      });
      digests.put(table.toUpperCase(Locale.ROOT).replaceAll("[`\"]", ""), sum[0] + " rows, " + Long.toHexString(sum[1]));
    }
    return digests;
  }

  private static String cell(Object value) {
    try {
      if (value instanceof byte[] bytes) {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      }
      if (value instanceof Blob blob) {
        return cell(blob.getBytes(1, (int) blob.length()));
      }
      if (value instanceof Clob clob) {
        return clob.getSubString(1, (int) clob.length());
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return String.valueOf(value);
  }

  /** Rows are summed, so the digest does not depend on the order the database returns them in. */
  private static long digest(String row) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(row.getBytes(StandardCharsets.UTF_8));
      return java.nio.ByteBuffer.wrap(hash).getLong();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
