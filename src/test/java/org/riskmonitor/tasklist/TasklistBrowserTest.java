package org.riskmonitor.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The first steps of a case done in a real Chromium, in Chinese, by the people who do them:
 * coordinator assigns, sampler fills the slip with a photo, enterprise1 confirms, lab1 receives
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
  private final List<String> shots = new ArrayList<>();

  @BeforeEach
  void startChromium() throws IOException {
    chromium = new Chromium();
    browser = chromium.browser();
    wait = chromium.waiting();
  }

  @AfterEach
  void stopChromium() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void fromAssignmentToReviewedReport_inChinese() throws IOException, InterruptedException {
    long auditBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM rm_audit_entry", Long.class);
    String caseNumber = walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "电动自行车").getBusinessKey();
    String today = LocalDate.now().toString();
    Path photo = file("seal.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
    Path report = file("report.pdf", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

    // coordinator: the Tasklist speaks Chinese; assign sampler and lab
    login("coordinator");
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("我的待办", "全部案件", "发起流程");
    openTask(caseNumber, "指派抽样人员和检验机构");
    claim();
    choose("samplerId", "sampler");
    choose("labId", "检验一所");
    complete(caseNumber, "01-coordinator-assigns");

    // sampler: the slip, with a sampling photo
    login("sampler");
    openTask(caseNumber, "填写抽样单");
    embeddedField("labelledManufacturer", "天津市津骑电动车有限公司");
    embeddedField("brand", "津骑");
    embeddedField("model", "TDT-88");
    embeddedField("batchNumber", "B20250610");
    embeddedField("productionDate", "2025-06-10");
    embeddedField("cccCertificate", "2024011119000188");
    embeddedField("stockQuantity", "40");
    embeddedField("testSampleQuantity", "2");
    embeddedField("backupSampleQuantity", "2");
    embeddedField("testSealNumber", "FY-88A");
    embeddedField("backupSealNumber", "FY-88B");
    embeddedField("secondSampler", "王芳");
    embeddedField("sampledOn", today);
    upload(photo);
    assertThat(browser.findElement(By.cssSelector(".uploaded-document")).getText()).contains("seal.png");
    complete(caseNumber, "02-sampler-fills-slip");

    // enterprise1: confirms the slip in its own task list
    login("enterprise1");
    openTask(caseNumber, "确认抽样单");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), "FY-88A"));
    assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText()).contains("津骑", "确认");
    // the case as our tables hold it: the enterprise's address and the lab the coordinator chose
    Map<String, Object> recorded = jdbc.queryForMap("SELECT e.address, l.name FROM rm_monitoring_case c "
        + "JOIN rm_enterprise e ON e.id = c.enterprise_id JOIN rm_lab l ON l.id = c.lab_id WHERE c.case_number = ?",
        caseNumber);
    assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText())
        .contains((String) recorded.get("address"), (String) recorded.get("name"));
    assertThat(documentLinks()).contains("seal.png");
    // the tabs beside the form: what was done to the task, and the case's diagram
    tab("历史");
    tab("流程图");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".djs-container svg")));
    tab("表单");
    claim();
    click(browser.findElement(By.cssSelector("input[id$='-Field_slipConfirmed']")));
    formJs("enterpriseSignatory").sendKeys("李明", Keys.TAB);
    complete(caseNumber, "03-enterprise-confirms");

    // lab1: receives the sample, tests it and uploads the signed report
    login("lab1");
    openTask(caseNumber, "接收样品");
    claim();
    click(browser.findElement(By.cssSelector("input[id$='-Field_receiptDecision-0']")));
    formJs("sampleCondition").sendKeys("封样完好", Keys.TAB);
    pickToday("receivedOn-date");
    complete(caseNumber, "04-lab-receives");

    openTask(caseNumber, "检验并出具报告");
    claim();
    embeddedField("reportNumber", "JY-" + caseNumber);
    embeddedField("testedOn", today);
    for (WebElement row : browser.findElements(By.cssSelector("tr.test-item"))) {
      row.findElement(By.name("measuredValue")).sendKeys("符合");
      new org.openqa.selenium.support.ui.Select(row.findElement(By.name("verdict"))).selectByValue("PASS");
    }
    upload(report);
    WebElement listed = browser.findElement(By.cssSelector(".uploaded-document"));
    String sha256 = jdbc.queryForObject("SELECT sha256 FROM rm_document WHERE file_name = 'report.pdf' AND case_id = "
        + "(SELECT id FROM rm_monitoring_case WHERE case_number = ?)", String.class, caseNumber);
    assertThat(listed.getText()).contains("report.pdf", sha256);
    complete(caseNumber, "05-lab-reports");

    // lab1b: a second person of the lab reviews
    login("lab1b");
    openTask(caseNumber, "审核检验报告");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), "report.pdf"));
    assertThat(documentLinks()).contains("seal.png", "report.pdf");
    claim();
    click(browser.findElement(By.cssSelector("input[id$='-Field_reviewDecision-0']")));
    complete(caseNumber, "06-reviewer-approves");

    assertThat(count("rm_test_report r JOIN rm_monitoring_case c ON c.id = r.case_id",
        "c.case_number = ? AND r.status = 'APPROVED' AND r.tested_by = 'lab1' AND r.reviewed_by = 'lab1b'", caseNumber))
        .isEqualTo(1);
    // every call Tasklist made for these five people was on their roles' allow-list
    assertThat(jdbc.queryForList("SELECT actor, detail FROM rm_audit_entry WHERE id > ? AND action = ?", auditBefore,
        "refused-engine-api-call")).isEmpty();
    System.out.println("Browser test screenshots: " + shots);
  }

  private void login(String user) {
    chromium.login(port, user);
  }

  private void openTask(String caseNumber, String taskName) {
    By card = By.xpath("//li[contains(@class, 'task') and contains(., '" + caseNumber + "') and contains(., '" + taskName + "')]");
    // Tasklist redraws its list when it polls: a card found a moment ago may be gone, so find it again
    wait.ignoring(StaleElementReferenceException.class).until(driver -> {
      WebElement found = ExpectedConditions.elementToBeClickable(card).apply(driver);
      if (found == null) {
        return false;
      }
      found.findElement(By.cssSelector("h4, a, .names")).click();
      return true;
    });
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), caseNumber));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[ng-click='complete()']")));
  }

  private void tab(String label) {
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//ul[contains(@class, 'nav-tabs')]//a[normalize-space(.) = '"
        + label + "']"))).click();
  }

  private void claim() {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".claim")));
  }

  /** A Camunda Form (form-js) field, found by the key the form gives it. */
  private WebElement formJs(String key) {
    return wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id$='-Field_" + key + "']")));
  }

  /** The case's documents as a form's summary links them. */
  private List<String> documentLinks() {
    return browser.findElements(By.cssSelector(".fjs-container a[href^='/api/documents/']")).stream()
        .map(WebElement::getText).toList();
  }

  /** Opens a form-js date picker and clicks today, as a user would. */
  private void pickToday(String key) {
    formJs(key).click();
    click(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open .flatpickr-day.today"))));
  }

  /** Picks an option of a form-js select by a part of its label. */
  private void choose(String key, String labelPart) {
    formJs(key).click();
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and contains(., '" + labelPart + "')]"))).click();
  }

  /** A field of an embedded HTML form, named by its key; set as a user's typing would. */
  private void embeddedField(String name, String value) {
    WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.name(name)));
    if ("date".equals(field.getAttribute("type"))) {
      ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
          + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
          + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, value);
    } else {
      field.clear();
      field.sendKeys(value);
    }
  }

  private void upload(Path file) {
    int before = browser.findElements(By.cssSelector(".uploaded-document")).size();
    browser.findElement(By.id("document-file")).sendKeys(file.toAbsolutePath().toString());
    wait.until(d -> d.findElements(By.cssSelector(".uploaded-document")).size() > before
        || !d.findElements(By.cssSelector(".upload-error")).isEmpty());
    assertThat(browser.findElements(By.cssSelector(".upload-error")).stream().map(WebElement::getText)
        .filter(t -> !t.isBlank())).as("upload refused").isEmpty();
  }

  /** Completes the open task and checks it has left the user's list. */
  private void complete(String caseNumber, String screenshot) throws IOException, InterruptedException {
    // form-js takes typed text into its state after a short debounce
    Thread.sleep(600);
    shoot(screenshot);
    String taskId = browser.getCurrentUrl().replaceAll(".*task=([0-9a-f-]+).*", "$1");
    WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']")));
    click(button);
    try {
      wait.until(d -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
    } catch (org.openqa.selenium.TimeoutException e) {
      shoot(screenshot + "-not-completed");
      throw new AssertionError("task not completed; Tasklist shows: "
          + browser.findElement(By.tagName("body")).getText().replace('\n', ' '), e);
    }
    wait.until(ExpectedConditions.invisibilityOfElementLocated(
        By.xpath("//li[contains(@class, 'task') and contains(., '" + caseNumber + "') and contains(@class, 'active')]")));
    shoot(screenshot + "-done");
  }

  /** Tasklist's fixed footer can cover the bottom of the pane; bring the element to the middle first. */
  private void click(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
        element);
  }

  private void shoot(String name) throws IOException {
    shots.add(chromium.shoot(name).toString());
  }

  private static Path file(String name, byte[] content) throws IOException {
    Path path = Files.createTempDirectory("upload").resolve(name);
    return Files.write(path, content);
  }
}
