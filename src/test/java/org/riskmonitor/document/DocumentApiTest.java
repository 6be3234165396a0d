package org.riskmonitor.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The document endpoints over real HTTP, with the demo people's Basic credentials. */
class DocumentApiTest extends RiskMonitorTest {

  private static final String E_BIKES = DemoPeople.ENTERPRISES.get(0).get(0);
  private static final byte[] PDF = pdf();
  private static final byte[] EXE = "MZ\u0090\u0000\u0003\u0000\u0000\u0000PE\u0000\u0000 This program cannot be run in DOS mode."
      .getBytes(StandardCharsets.ISO_8859_1);

  @Autowired
  private TestRestTemplate rest;

  @Autowired
  private CaseWalker walker;

  @Test
  void aPdfIsStoredOnceWithTheSha256OfItsBytes_andComesBackByteForByte() throws Exception {
    String caseNumber = openCase();
    long before = documentsOf(caseNumber);

    ResponseEntity<Map<String, Object>> uploaded = upload("enterprise1", caseNumber, "REMEDIATION_EVIDENCE",
        "C:\\Users\\李明\\整改报告 remediation.pdf", "application/octet-stream", PDF);

    assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> body = uploaded.getBody();
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
    assertThat(body).containsEntry("sha256", sha256)
        .containsEntry("fileName", "整改报告 remediation.pdf")
        .containsEntry("contentType", "application/pdf")
        .containsEntry("sizeBytes", PDF.length)
        .containsEntry("kind", "REMEDIATION_EVIDENCE")
        .containsEntry("createdBy", "enterprise1")
        .containsKeys("id", "createdAt");
    long id = ((Number) body.get("id")).longValue();
    assertThat(uploaded.getHeaders().getLocation()).hasToString("/api/documents/" + id);
    assertThat(documentsOf(caseNumber)).isEqualTo(before + 1);
    assertThat(jdbc.queryForObject("SELECT sha256 FROM rm_document WHERE id = ?", String.class, id)).isEqualTo(sha256);

    ResponseEntity<byte[]> downloaded = rest.withBasicAuth("enterprise1", DemoPeople.PASSWORD)
        .getForEntity("/api/documents/" + id, byte[].class);

    assertThat(downloaded.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(downloaded.getBody()).isEqualTo(PDF);
    HttpHeaders headers = downloaded.getHeaders();
    assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    ContentDisposition disposition = headers.getContentDisposition();
    assertThat(disposition.isAttachment()).isTrue();
    assertThat(disposition.getFilename()).isEqualTo("整改报告 remediation.pdf");
    assertThat(headers.getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .contains("filename*=UTF-8''%E6%95%B4%E6%94%B9%E6%8A%A5%E5%91%8A%20remediation.pdf");

    ResponseEntity<List<Map<String, Object>>> listed = list("enterprise1", caseNumber);
    assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(listed.getBody()).filteredOn(d -> ((Number) d.get("id")).longValue() == id).singleElement()
        .satisfies(d -> assertThat(d).containsEntry("sha256", sha256).doesNotContainKeys("caseId", "content"));
  }

  @Test
  void aJpegAndAPngAreAccepted_andTheirRealTypeIsStored() {
    String caseNumber = openCase();
    byte[] jpeg = withTail(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0});
    byte[] png = withTail(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    ResponseEntity<Map<String, Object>> photo = upload("coordinator", caseNumber, "SAMPLING_PHOTO", "seal.JPG", "text/html", jpeg);
    ResponseEntity<Map<String, Object>> scan = upload("coordinator", caseNumber, "SAMPLING_SLIP_SCAN", "slip.png", null, png);

    assertThat(photo.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(photo.getBody()).containsEntry("contentType", "image/jpeg");
    assertThat(scan.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(scan.getBody()).containsEntry("contentType", "image/png");
  }

  @Test
  void a30MbFileIsRefusedWithTheSizeMessage_andNothingIsStored() {
    String caseNumber = openCase();
    long before = documentsOf(caseNumber);
    byte[] big = new byte[30 * 1024 * 1024];
    System.arraycopy(PDF, 0, big, 0, PDF.length);

    ResponseEntity<Map<String, Object>> response = upload("enterprise1", caseNumber, "REMEDIATION_EVIDENCE",
        "big.pdf", "application/pdf", big);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(response.getBody()).containsEntry("message", "文件过大，最大20MB File too large: at most 20MB");
    assertThat(documentsOf(caseNumber)).isEqualTo(before);
  }

  @Test
  void aWindowsProgramIsRefused_underItsOwnNameAndRenamedToPdf() {
    String caseNumber = openCase();
    long before = documentsOf(caseNumber);

    ResponseEntity<Map<String, Object>> exe = upload("enterprise1", caseNumber, "REMEDIATION_EVIDENCE",
        "app.exe", "application/x-msdownload", EXE);
    ResponseEntity<Map<String, Object>> disguised = upload("enterprise1", caseNumber, "TEST_REPORT_PDF",
        "report.pdf", "application/pdf", EXE);

    for (ResponseEntity<Map<String, Object>> response : List.of(exe, disguised)) {
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody()).containsEntry("message", CaseDocuments.TYPE_NOT_ALLOWED);
    }
    assertThat(documentsOf(caseNumber)).isEqualTo(before);
  }

  @Test
  void aRealPdfUnderAnotherExtension_anUnknownKindAndAPhotoAsTestReportAreRefused() {
    String caseNumber = openCase();
    long before = documentsOf(caseNumber);
    byte[] png = withTail(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    ResponseEntity<Map<String, Object>> renamed = upload("enterprise1", caseNumber, "REMEDIATION_EVIDENCE",
        "report.exe", "application/pdf", PDF);
    ResponseEntity<Map<String, Object>> noKind = upload("enterprise1", caseNumber, "SELFIE", "report.pdf",
        "application/pdf", PDF);
    ResponseEntity<Map<String, Object>> photoReport = upload("lab1", caseNumber, "TEST_REPORT_PDF", "report.png",
        "image/png", png);

    assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(renamed.getBody()).containsEntry("message", CaseDocuments.TYPE_NOT_ALLOWED);
    assertThat(noKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) noKind.getBody().get("message")).startsWith("文件类别无效 Unknown document kind");
    // lab1 may not see this case at all yet: no lab has been assigned
    assertThat(photoReport.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map<String, Object>> asCoordinator = upload("coordinator", caseNumber, "TEST_REPORT_PDF",
        "report.png", "image/png", png);
    assertThat(asCoordinator.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(asCoordinator.getBody()).containsEntry("message", "检验报告须为PDF文件 A test report must be a PDF");
    assertThat(documentsOf(caseNumber)).isEqualTo(before);
  }

  @Test
  void anotherCompanyCanNeitherListNorUploadNorDownload_theCompanyItselfCan() {
    String caseNumber = openCase();
    long id = ((Number) upload("enterprise1", caseNumber, "REMEDIATION_EVIDENCE", "plan.pdf", "application/pdf", PDF)
        .getBody().get("id")).longValue();
    long before = documentsOf(caseNumber);

    ResponseEntity<Map<String, Object>> listed = rest.withBasicAuth("enterprise2", DemoPeople.PASSWORD)
        .exchange("/api/cases/" + caseNumber + "/documents", HttpMethod.GET, null, MAP);
    ResponseEntity<Map<String, Object>> uploaded = upload("enterprise2", caseNumber, "REMEDIATION_EVIDENCE",
        "plan.pdf", "application/pdf", PDF);
    ResponseEntity<Map<String, Object>> downloaded = rest.withBasicAuth("enterprise2", DemoPeople.PASSWORD)
        .exchange("/api/documents/" + id, HttpMethod.GET, null, MAP);

    for (ResponseEntity<Map<String, Object>> response : List.of(listed, uploaded, downloaded)) {
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(response.getBody()).containsEntry("message", "无权查看该案件的文件 You may not see the documents of this case");
    }
    assertThat(documentsOf(caseNumber)).isEqualTo(before);

    assertThat(listStatus("enterprise1", caseNumber)).isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth("enterprise1", DemoPeople.PASSWORD).getForEntity("/api/documents/" + id, byte[].class)
        .getBody()).isEqualTo(PDF);
    assertThat(list("coordinator", caseNumber).getBody()).hasSize((int) before);
  }

  @Test
  void onlyTheLabsThatTestACaseSeeIt_theFirstLabAndTheRetestLab() {
    Route route = Route.remediated().with(b -> b.objection = Route.Objection.RETEST_CONFIRMS);
    String caseNumber = walker.open(E_BIKES, "E_BIKE", "电动自行车 TDR-2").getBusinessKey();
    walker.advanceTo(caseNumber, "Task_FillSamplingSlip", route);

    assertThat(listStatus("lab1", caseNumber)).isEqualTo(HttpStatus.OK);
    assertThat(listStatus("lab1b", caseNumber)).isEqualTo(HttpStatus.OK);
    assertThat(listStatus("lab2", caseNumber)).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(upload("lab2", caseNumber, "TEST_REPORT_PDF", "report.pdf", "application/pdf", PDF).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    walker.advanceTo(caseNumber, "Task_DecideObjection", route);
    Task decide = walker.openTask(caseNumber);
    walker.submit(decide, walker.valuesFor(decide, route));

    assertThat(listStatus("lab2", caseNumber)).isEqualTo(HttpStatus.OK);
    assertThat(listStatus("lab1", caseNumber)).isEqualTo(HttpStatus.OK);
  }

  @Test
  void withoutCredentialsEverythingIs401_andUnknownCasesAndDocumentsAre404() {
    String caseNumber = openCase();
    long before = documentsOf(caseNumber);
    TestRestTemplate anonymous = rest;  // withBasicAuth gives a copy; this one sends no credentials

    assertThat(anonymous.getForEntity("/api/cases/" + caseNumber + "/documents", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.postForEntity("/api/cases/" + caseNumber + "/documents",
        multipart("REMEDIATION_EVIDENCE", "plan.pdf", "application/pdf", PDF), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getForEntity("/api/documents/1", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(documentsOf(caseNumber)).isEqualTo(before);

    ResponseEntity<Map<String, Object>> noCase = rest.withBasicAuth("coordinator", DemoPeople.PASSWORD)
        .exchange("/api/cases/TJ-1999-999999/documents", HttpMethod.GET, null, MAP);
    ResponseEntity<Map<String, Object>> noDocument = rest.withBasicAuth("coordinator", DemoPeople.PASSWORD)
        .exchange("/api/documents/999999999", HttpMethod.GET, null, MAP);
    assertThat(noCase.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(noCase.getBody()).containsEntry("message", "案件不存在 Case not found: TJ-1999-999999");
    assertThat(noDocument.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(noDocument.getBody()).containsEntry("message", "文件不存在 Document not found");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSamplerUploadsAPhotoToTheSlipTask_theTaskAndStepAreRecordedAndListedBesideTheTask() {
    String caseNumber = openCase();
    Task slip = slipTask(caseNumber);
    byte[] jpeg = withTail(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0});

    ResponseEntity<Map<String, Object>> uploaded = uploadToTask("sampler", slip.getId(), "SAMPLING_PHOTO", "封样 seal.jpg",
        "image/jpeg", jpeg);

    assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(uploaded.getBody()).containsEntry("fileName", "封样 seal.jpg")
        .containsEntry("kind", "SAMPLING_PHOTO")
        .containsEntry("kindTitle", "抽样照片 Sampling photo")
        .containsEntry("createdBy", "sampler")
        .containsEntry("taskId", slip.getId())
        .containsEntry("stepKey", "Task_FillSamplingSlip")
        .containsEntry("stepName", "填写抽样单 Fill in sampling slip");
    long id = ((Number) uploaded.getBody().get("id")).longValue();
    assertThat(uploaded.getHeaders().getLocation()).hasToString("/api/documents/" + id);
    assertThat(jdbc.queryForMap("SELECT task_id, step_key, step_name FROM rm_document WHERE id = ?", id))
        .containsValues(slip.getId(), "Task_FillSamplingSlip", "填写抽样单 Fill in sampling slip");

    ResponseEntity<Map<String, Object>> tab = rest.withBasicAuth("sampler", DemoPeople.PASSWORD)
        .exchange("/api/tasks/" + slip.getId() + "/documents", HttpMethod.GET, null, MAP);
    assertThat(tab.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tab.getBody()).containsEntry("caseNumber", caseNumber)
        .containsEntry("mayUpload", true)
        .containsEntry("timeZone", "Asia/Shanghai");
    // the kinds the step declares it takes, and no other
    assertThat((List<Map<String, Object>>) tab.getBody().get("kinds")).extracting(k -> k.get("title"))
        .containsExactly("抽样照片 Sampling photo", "抽样单扫描件 Scanned sampling slip");
    assertThat((List<Map<String, Object>>) tab.getBody().get("documents"))
        .filteredOn(d -> ((Number) d.get("id")).longValue() == id).singleElement()
        .satisfies(d -> assertThat(d).containsEntry("stepName", "填写抽样单 Fill in sampling slip")
            .containsEntry("sha256", DocumentStore.sha256(jpeg)).doesNotContainKeys("caseId", "content"));
    // the case's own list shows the step too
    assertThat(list("coordinator", caseNumber).getBody())
        .filteredOn(d -> ((Number) d.get("id")).longValue() == id).singleElement()
        .satisfies(d -> assertThat(d).containsEntry("stepKey", "Task_FillSamplingSlip"));
  }

  @Test
  void aCandidateGroupMayUploadBeforeClaiming_staffWhoDoNotWorkOnTheTaskOnlyReadItsList() {
    String caseNumber = openCase();
    walker.advanceTo(caseNumber, "Task_TestSample", Route.remediated());
    Task test = walker.openTask(caseNumber);

    ResponseEntity<Map<String, Object>> candidate = uploadToTask("lab1b", test.getId(), "TEST_REPORT_PDF",
        "report.pdf", "application/pdf", PDF);
    ResponseEntity<Map<String, Object>> notTheirs = rest.withBasicAuth("coordinator", DemoPeople.PASSWORD)
        .exchange("/api/tasks/" + test.getId() + "/documents", HttpMethod.GET, null, MAP);

    assertThat(candidate.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(candidate.getBody()).containsEntry("stepKey", "Task_TestSample");
    assertThat(notTheirs.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(notTheirs.getBody()).containsEntry("mayUpload", false);
    long before = documentsOf(caseNumber);
    ResponseEntity<Map<String, Object>> refused = uploadToTask("coordinator", test.getId(), "TEST_REPORT_PDF",
        "plan.pdf", "application/pdf", PDF);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody()).containsEntry("message", TaskDocuments.NOT_A_WORKER);
    assertThat(documentsOf(caseNumber)).isEqualTo(before);
  }

  @Test
  void aStepTakesOnlyTheKindsItDeclares_andAStepWithoutDocumentsTakesNone() {
    String caseNumber = openCase();
    Task assign = walker.openTask(caseNumber);
    long before = documentsOf(caseNumber);

    ResponseEntity<Map<String, Object>> noUploads = uploadToTask("coordinator", assign.getId(), "SAMPLING_SLIP_SCAN",
        "plan.pdf", "application/pdf", PDF);
    assertThat(noUploads.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noUploads.getBody()).containsEntry("message", TaskDocuments.NO_UPLOADS);
    ResponseEntity<Map<String, Object>> assignTab = rest.withBasicAuth("coordinator", DemoPeople.PASSWORD)
        .exchange("/api/tasks/" + assign.getId() + "/documents", HttpMethod.GET, null, MAP);
    assertThat(assignTab.getBody()).containsEntry("mayUpload", false).containsEntry("kinds", List.of());

    Task slip = slipTask(caseNumber);
    ResponseEntity<Map<String, Object>> wrongKind = uploadToTask("sampler", slip.getId(), "TEST_REPORT_PDF",
        "report.pdf", "application/pdf", PDF);
    assertThat(wrongKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) wrongKind.getBody().get("message")).startsWith("本环节不接收检验报告PDF")
        .contains("This step does not take the test report PDF");
    assertThat(documentsOf(caseNumber)).isEqualTo(before);
  }

  @Test
  void anotherEnterpriseCanNeitherUploadToTheTaskNorListIt_andNothingIsStored() {
    String caseNumber = openCase();
    Task slip = slipTask(caseNumber);
    long before = documentsOf(caseNumber);

    ResponseEntity<Map<String, Object>> uploaded = uploadToTask("enterprise2", slip.getId(), "SAMPLING_PHOTO",
        "seal.pdf", "application/pdf", PDF);
    ResponseEntity<Map<String, Object>> listed = rest.withBasicAuth("enterprise2", DemoPeople.PASSWORD)
        .exchange("/api/tasks/" + slip.getId() + "/documents", HttpMethod.GET, null, MAP);

    assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(uploaded.getBody()).containsEntry("message", TaskDocuments.NOT_A_WORKER);
    assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(listed.getBody()).containsEntry("message", "无权查看该案件的文件 You may not see the documents of this case");
    assertThat(documentsOf(caseNumber)).isEqualTo(before);
  }

  @Test
  void aProgramNamedAsAPhotoIsRefusedOnTheTask_anUnknownTaskIs404_andNothingIsStored() {
    String caseNumber = openCase();
    Task slip = slipTask(caseNumber);
    long before = documentsOf(caseNumber);

    ResponseEntity<Map<String, Object>> disguised = uploadToTask("sampler", slip.getId(), "SAMPLING_PHOTO", "seal.jpg",
        "image/jpeg", EXE);
    ResponseEntity<Map<String, Object>> noTask = uploadToTask("sampler", "no-such-task", "SAMPLING_PHOTO", "seal.pdf",
        "application/pdf", PDF);

    assertThat(disguised.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(disguised.getBody()).containsEntry("message", CaseDocuments.TYPE_NOT_ALLOWED);
    assertThat(noTask.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(noTask.getBody()).containsEntry("message", "任务不存在或已办结 Task not found or already completed");
    assertThat(documentsOf(caseNumber)).isEqualTo(before);
    assertThat(rest.postForEntity("/api/tasks/" + slip.getId() + "/documents",
        multipart("SAMPLING_PHOTO", "seal.pdf", "application/pdf", PDF), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
  };

  private String openCase() {
    return walker.open(E_BIKES, "E_BIKE", "电动自行车 TDR-1").getBusinessKey();
  }

  /** The sampler's open task of the case: fill in the sampling slip. */
  private Task slipTask(String caseNumber) {
    walker.advanceTo(caseNumber, "Task_FillSamplingSlip", Route.remediated());
    return walker.openTask(caseNumber);
  }

  private long documentsOf(String caseNumber) {
    return count("rm_document", "case_id = (SELECT id FROM rm_monitoring_case WHERE case_number = ?)", caseNumber);
  }

  private ResponseEntity<Map<String, Object>> upload(String user, String caseNumber, String kind, String fileName,
                                                     String declaredType, byte[] content) {
    return rest.withBasicAuth(user, DemoPeople.PASSWORD).exchange("/api/cases/" + caseNumber + "/documents",
        HttpMethod.POST, multipart(kind, fileName, declaredType, content), MAP);
  }

  private ResponseEntity<Map<String, Object>> uploadToTask(String user, String taskId, String kind, String fileName,
                                                           String declaredType, byte[] content) {
    return rest.withBasicAuth(user, DemoPeople.PASSWORD).exchange("/api/tasks/" + taskId + "/documents",
        HttpMethod.POST, multipart(kind, fileName, declaredType, content), MAP);
  }

  private ResponseEntity<List<Map<String, Object>>> list(String user, String caseNumber) {
    return rest.withBasicAuth(user, DemoPeople.PASSWORD).exchange("/api/cases/" + caseNumber + "/documents",
        HttpMethod.GET, null, new ParameterizedTypeReference<>() {
        });
  }

  private HttpStatusCode listStatus(String user, String caseNumber) {
    return rest.withBasicAuth(user, DemoPeople.PASSWORD)
        .getForEntity("/api/cases/" + caseNumber + "/documents", String.class).getStatusCode();
  }

  /** A form a browser sends: the file part declares whatever type the browser guessed. */
  private static HttpEntity<MultiValueMap<String, Object>> multipart(String kind, String fileName, String declaredType,
                                                                    byte[] content) {
    HttpHeaders partHeaders = new HttpHeaders();
    if (declaredType != null) {
      partHeaders.setContentType(MediaType.parseMediaType(declaredType));
    }
    ByteArrayResource file = new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    };
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("kind", kind);
    body.add("file", new HttpEntity<>(file, partHeaders));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(body, headers);
  }

  /** A small PDF with bytes above 0x7F, so a lossy text round trip would show. */
  private static byte[] pdf() {
    byte[] text = """
        %PDF-1.4
        %âãÏÓ
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
        trailer << /Root 1 0 R >>
        %%EOF
        """.getBytes(StandardCharsets.ISO_8859_1);
    byte[] withBinary = Arrays.copyOf(text, text.length + 256);
    for (int i = 0; i < 256; i++) {
      withBinary[text.length + i] = (byte) i;
    }
    return withBinary;
  }

  private static byte[] withTail(byte[] signature) {
    byte[] content = Arrays.copyOf(signature, signature.length + 64);
    Arrays.fill(content, signature.length, content.length, (byte) 0x42);
    return content;
  }
}
