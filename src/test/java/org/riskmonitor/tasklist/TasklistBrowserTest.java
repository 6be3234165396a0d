package org.riskmonitor.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.riskmonitor.Chromium;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.TasklistPage;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The first steps of a case done in a real Chromium, in Chinese, by the people who do them:
 * coordinator assigns, sampler uploads a photo in the 材料 Documents tab and fills the slip, enterprise1 confirms, lab1 receives
 * and tests with the report PDF, lab1b reviews. Screenshots go to target/screenshots/.
 */
class TasklistBrowserTest extends RiskMonitorTest {

  @LocalServerPort
  private int port;

  @Autowired
  private CaseWalker walker;

  private Chromium chromium;
  private ChromeDriver browser;
  private WebDriverWait wait;
  private TasklistPage page;

  @BeforeEach
  void startChromium() throws IOException {
    chromium = new Chromium();
    browser = chromium.browser();
    wait = chromium.waiting();
    page = new TasklistPage(chromium, port, engine.getTaskService());
  }

  @AfterEach
  void stopChromium() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void fromAssignmentToReviewedReport_inChinese() throws IOException, InterruptedException, NoSuchAlgorithmException {
    long auditBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM rm_audit_entry", Long.class);
    String caseNumber = walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "电动自行车").getBusinessKey();
    Path site = file("sampling-site.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'});
    Path report = file("report.pdf", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

    // coordinator: the Tasklist speaks Chinese; assign sampler and lab
    page.login("coordinator");
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("我的待办", "全部案件", "发起流程");
    page.openTask(caseNumber, "指派抽样人员和检验机构");
    page.claim();
    page.choose("samplerId", "sampler");
    page.choose("labId", "检验一所");
    page.complete(caseNumber, "01-coordinator-assigns");

    // sampler: a photo of the site in the Documents tab beside the task, recorded at this step
    page.login("sampler");
    page.openTask(caseNumber, "填写抽样单");
    String slipTaskId = page.openTaskId();
    page.tab("材料 Documents");
    uploadInTab("抽样照片 Sampling photo", site);
    WebElement listedSite = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//tr[contains(@class, 'rm-document') and contains(., 'sampling-site.jpg')]")));
    assertThat(listedSite.getText()).contains("抽样照片 Sampling photo", "填写抽样单 Fill in sampling slip", "sampler",
        sha256(site));
    assertThat(listedSite.findElement(By.linkText("下载 Download")).getAttribute("href")).contains("/api/documents/");
    assertThat(count("rm_document", "file_name = 'sampling-site.jpg' AND task_id = ? AND step_key = 'Task_FillSamplingSlip'",
        slipTaskId)).isEqualTo(1);
    page.shoot("02-sampler-documents-tab");

    // the on-site checklist was answered on the phone (ChecklistPhoneBrowserTest drives that page)
    walker.answerOnSiteChecklist(engine.getTaskService().createTaskQuery().taskId(slipTaskId).singleResult(), false);
    // the slip itself, on its Camunda Form
    page.tab("表单");
    page.type("labelledManufacturer", "天津市津骑电动车有限公司");
    page.type("brand", "津骑");
    page.type("model", "TDT-88");
    page.type("batchNumber", "B20250610");
    page.pickToday("productionDate-date");
    page.type("cccCertificate", "2024011119000188");
    page.type("stockQuantity", "40");
    page.type("testSampleQuantity", "2");
    page.type("backupSampleQuantity", "2");
    page.type("testSealNumber", "FY-88A");
    page.type("backupSealNumber", "FY-88B");
    page.type("secondSampler", "王芳");
    page.pickToday("sampledOn-date");
    assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText()).contains("“材料 Documents”标签页");
    page.complete(caseNumber, "02-sampler-fills-slip");

    // enterprise1: confirms the slip in its own task list
    page.login("enterprise1");
    page.openTask(caseNumber, "确认抽样单");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), "FY-88A"));
    assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText()).contains("津骑", "确认");
    // the case as our tables hold it: the enterprise's address and the lab the coordinator chose
    Map<String, Object> recorded = jdbc.queryForMap("SELECT e.address, l.name FROM rm_monitoring_case c "
        + "JOIN rm_enterprise e ON e.id = c.enterprise_id JOIN rm_lab l ON l.id = c.lab_id WHERE c.case_number = ?",
        caseNumber);
    assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText())
        .contains((String) recorded.get("address"), (String) recorded.get("name"));
    assertThat(documentLinks()).contains("sampling-site.jpg");
    // the tabs beside the form: what was done to the task, and the case's diagram
    page.tab("历史");
    page.tab("流程图");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".djs-container svg")));
    page.tab("表单");
    page.claim();
    page.click(browser.findElement(By.cssSelector("input[id$='-Field_slipConfirmed']")));
    page.formJs("enterpriseSignatory").sendKeys("李明", Keys.TAB);
    page.complete(caseNumber, "03-enterprise-confirms");

    // lab1: receives the sample, tests it and uploads the signed report
    page.login("lab1");
    page.openTask(caseNumber, "接收样品");
    page.claim();
    page.click(browser.findElement(By.cssSelector("input[id$='-Field_receiptDecision-0']")));
    page.formJs("sampleCondition").sendKeys("封样完好", Keys.TAB);
    page.pickToday("receivedOn-date");
    page.complete(caseNumber, "04-lab-receives");

    page.openTask(caseNumber, "检验并出具报告");
    page.tab("材料 Documents");
    assertThat(new org.openqa.selenium.support.ui.Select(wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector(".rm-upload select"))))
        .getOptions().stream().map(WebElement::getText)).as("the kinds this step takes").contains("检验报告PDF Test report PDF")
        .doesNotContain("抽样照片 Sampling photo");
    uploadInTab("检验报告PDF Test report PDF", report);
    WebElement listed = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//tr[contains(@class, 'rm-document') and contains(., 'report.pdf')]")));
    assertThat(listed.getText()).contains("检验并出具报告 Test and report", "lab1", sha256(report));
    page.tab("表单");
    page.claim();
    page.type("reportNumber", "JY-" + caseNumber);
    page.pickToday("testedOn-date");
    List<WebElement> measured = browser.findElements(By.cssSelector("input[id*='-Field_testItems_measuredValue']"));
    assertThat(measured).as("one row per item of the standard").isNotEmpty();
    for (WebElement value : measured) {
      value.sendKeys("符合");
      Thread.sleep(400);
    }
    for (WebElement pass : browser.findElements(By.cssSelector("input[type=radio][id*='-Field_testItems_verdict'][id$='-0']"))) {
      ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", pass);
      pass.click();
      Thread.sleep(200);
    }
    // form-js (Tasklist 7.24) keeps an empty error entry after a field inside a dynamic list is edited
    // (bpmn-io/form-js#1494), so 完成 stays disabled; 保存 validates the whole form afresh and clears it
    page.click(browser.findElement(By.xpath("//button[normalize-space(.) = '保存']")));
    page.complete(caseNumber, "05-lab-reports");

    // lab1b: a second person of the lab reviews
    page.login("lab1b");
    page.openTask(caseNumber, "审核检验报告");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), "report.pdf"));
    assertThat(documentLinks()).contains("sampling-site.jpg", "report.pdf");
    page.claim();
    page.click(browser.findElement(By.cssSelector("input[id$='-Field_reviewDecision-0']")));
    page.complete(caseNumber, "06-reviewer-approves");

    assertThat(count("rm_test_report r JOIN rm_monitoring_case c ON c.id = r.case_id",
        "c.case_number = ? AND r.status = 'APPROVED' AND r.tested_by = 'lab1' AND r.reviewed_by = 'lab1b'", caseNumber))
        .isEqualTo(1);
    // every call Tasklist made for these five people was on their roles' allow-list
    assertThat(jdbc.queryForList("SELECT actor, detail FROM rm_audit_entry WHERE id > ? AND action = ?", auditBefore,
        "refused-engine-api-call")).isEmpty();
    System.out.println("Browser test screenshots: " + page.shots());
  }

  /** The case's documents as a form's summary links them. */
  private List<String> documentLinks() {
    return browser.findElements(By.cssSelector(".fjs-container a[href^='/api/documents/']")).stream()
        .map(WebElement::getText).toList();
  }

  /** Chooses a kind and a file in the Documents tab and uploads them, as a user would; refusals fail the test. */
  private void uploadInTab(String kindTitle, Path file) {
    new org.openqa.selenium.support.ui.Select(wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector(".rm-upload select")))).selectByVisibleText(kindTitle);
    browser.findElement(By.id("rm-task-document-file")).sendKeys(file.toAbsolutePath().toString());
    page.click(browser.findElement(By.cssSelector(".rm-upload button[type=submit]")));
    WebElement status = wait.until(d -> {
      WebElement shown = d.findElement(By.cssSelector(".rm-upload-status"));
      return shown.getText().isBlank() ? null : shown;
    });
    assertThat(status.getText()).as("upload refused").isEqualTo("已上传 Uploaded: " + file.getFileName());
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  private static Path file(String name, byte[] content) throws IOException {
    Path path = Files.createTempDirectory("upload").resolve(name);
    return Files.write(path, content);
  }
}
