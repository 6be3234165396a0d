package org.riskmonitor.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
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
 * A sampler fills an e-bike charger's on-site checklist on a phone (390 × 844, Chinese): all items
 * but two online, then the connection drops on the factory floor, two more items and a photo are
 * kept on the phone, the tab is reloaded without a connection and opens from the copy kept on the
 * phone, and when the connection is back everything is stored exactly once. The
 * finding then comes back as a problem of the assistance visit and is solved in remediation.
 * Screenshots go to target/screenshots/.
 */
class ChecklistPhoneBrowserTest extends RiskMonitorTest {

  private static final String CHARGERS = DemoPeople.ENTERPRISES.get(0).get(0);
  private static final String FINDING_NOTE = "充满后指示灯不转绿，说明书无充满自停说明";
  private static final String CUT_OFF = "充满自停功能 Cut-off when charged";

  @LocalServerPort
  private int port;

  @Autowired
  private CaseWalker walker;

  @Autowired
  private Checklists checklists;

  private Chromium chromium;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void startPhone() throws IOException {
    chromium = Chromium.phone();
    browser = chromium.browser();
    wait = chromium.waiting();
  }

  @AfterEach
  void stopPhone() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aChecklistFilledOnAPhone_survivesALostConnection_andItsFindingIsTrackedToSolved()
      throws IOException, NoSuchAlgorithmException {
    Route route = Route.remediated();
    String caseNumber = walker.open(CHARGERS, "E_BIKE_CHARGER", "电动自行车充电器 48V3A").getBusinessKey();
    walker.advanceTo(caseNumber, "Task_FillSamplingSlip", route);
    String sampler = jdbc.queryForObject("SELECT sampler_id FROM rm_monitoring_case WHERE case_number = ?",
        String.class, caseNumber);
    Path photo = indicatorPhoto();

    chromium.login(port, sampler);
    browser.get("http://localhost:" + port + "/sampling/" + caseNumber + "/checklist");
    // other tests edit the charger's checklist: the case has the version in force at its assignment
    Checklist inForce = checklists.inForce("E_BIKE_CHARGER");
    WebElement heading = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("header")));
    assertThat(heading.getText()).contains("现场检查清单", caseNumber, "电动自行车充电器",
        "第" + inForce.version() + "版");
    List<WebElement> items = browser.findElements(By.cssSelector(".item"));
    assertThat(items).hasSize(checklists.items(inForce.id()).size()).hasSizeGreaterThanOrEqualTo(3);
    WebElement cutOff = itemTitled(CUT_OFF);
    List<WebElement> others = items.stream().filter(i -> !i.getText().contains(CUT_OFF)).toList();
    int total = items.size();
    // one column that fits the phone: nothing to scroll sideways
    assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);

    for (WebElement item : others.subList(0, total - 2)) {
      tap(item.findElement(By.cssSelector(".answer[data-answer=CONFORMING]")));
    }
    wait.until(d -> answersOf(caseNumber) == total - 2);
    waitForStatus("已全部保存到服务器");
    // the page, its script and style are kept on the phone before the sampler walks onto the floor
    wait.until(d -> Boolean.TRUE.equals(browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "caches.match(location.pathname).then(copy => done(!!copy && !!navigator.serviceWorker.controller));")));
    chromium.shoot("checklist-01-online");

    browser.setNetworkConditions(offline());
    tap(cutOff.findElement(By.cssSelector(".answer[data-answer=FINDING]")));
    assertThat(cutOff.findElement(By.cssSelector(".item-state")).getText()).contains("请在备注中描述发现的问题");
    cutOff.findElement(By.tagName("textarea")).sendKeys(FINDING_NOTE);
    tap(cutOff.findElement(By.tagName("h2")));
    cutOff.findElement(By.cssSelector("input[type=file]")).sendKeys(photo.toString());
    tap(others.get(total - 2).findElement(By.cssSelector(".answer[data-answer=CONFORMING]")));
    WebElement status = waitForStatus("无网络：3 项保存在本机，待发送");
    assertThat(status.getAttribute("data-pending")).isEqualTo("3");
    assertThat(cutOff.findElement(By.cssSelector(".photo.pending")).getText()).contains("待发送");
    assertThat(answersOf(caseNumber)).isEqualTo(total - 2);
    assertThat(changesOf(caseNumber)).isEqualTo(total - 2);
    chromium.shoot("checklist-02-offline-three-waiting");

    // the phone reloads the tab, as phones do with tabs they put away: the copy kept on the phone opens,
    // with what the sampler entered and what still waits
    browser.navigate().refresh();
    waitForStatus("无网络：3 项保存在本机，待发送");
    WebElement reopened = itemTitled(CUT_OFF);
    assertThat(reopened.findElement(By.cssSelector(".answer.chosen")).getText()).contains("发现问题");
    assertThat(reopened.findElement(By.tagName("textarea")).getAttribute("value")).isEqualTo(FINDING_NOTE);
    assertThat(reopened.findElement(By.cssSelector(".photo.pending")).getText()).contains("charger-indicator.png", "待发送");
    assertThat(browser.findElements(By.cssSelector(".answer.chosen"))).hasSize(total);
    chromium.shoot("checklist-03-reopened-offline");

    browser.deleteNetworkConditions();
    waitForStatus("已全部保存到服务器");
    assertThat(answersOf(caseNumber)).isEqualTo(total);
    assertThat(changesOf(caseNumber)).isEqualTo(total + 1);
    Map<String, Object> finding = jdbc.queryForMap("SELECT a.answer, a.note, a.raise_problem, a.revision FROM"
        + " rm_checklist_answer a JOIN rm_checklist_item i ON i.id = a.item_id WHERE i.title LIKE '充满自停%'"
        + " AND a.case_checklist_id = " + checklistOf(caseNumber));
    assertThat(finding).containsEntry("answer", "FINDING").containsEntry("note", FINDING_NOTE)
        .containsEntry("raise_problem", true).containsEntry("revision", 1);
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(photo)));
    assertThat(jdbc.queryForList("SELECT d.sha256 FROM rm_checklist_change ch JOIN rm_document d ON d.id = ch.document_id"
        + " WHERE ch.case_checklist_id = " + checklistOf(caseNumber), String.class)).containsExactly(sha256);
    WebElement stored = wait.until(d -> itemTitled(CUT_OFF).findElements(By.cssSelector("a.photo")).stream().findFirst()
        .orElse(null));
    assertThat(stored.getAttribute("title")).isEqualTo("SHA-256 " + sha256);
    assertThat(browser.findElement(By.id("progress")).getText()).contains("已答 " + total + "/" + total + " 项",
        "发现问题 1 项");
    chromium.shoot("checklist-04-back-online-all-sent");

    // opened again, the phone has nothing left to send and sends nothing twice
    browser.navigate().refresh();
    waitForStatus("已全部保存到服务器");
    assertThat(browser.findElements(By.cssSelector(".answer.chosen"))).hasSize(total);
    assertThat(changesOf(caseNumber)).isEqualTo(total + 1);

    Task slip = walker.openTask(caseNumber);
    walker.submit(slip, walker.valuesFor(slip, route));
    walker.advanceTo(caseNumber, "Task_VerifyRemediation", route);
    Map<String, Object> problem = jdbc.queryForMap("SELECT p.id, p.description, p.solved_on FROM rm_problem p"
        + " JOIN rm_monitoring_case c ON c.id = p.case_id WHERE c.case_number = ? AND p.checklist_answer_id IS NOT NULL",
        caseNumber);
    assertThat((String) problem.get("description")).contains("充满自停功能 Cut-off when charged", FINDING_NOTE);
    SpinJsonNode verifiable = (SpinJsonNode) engine.getTaskService()
        .getVariable(walker.openTask(caseNumber).getId(), "problemOptions");
    assertThat(verifiable.elements()).anySatisfy(option ->
        assertThat(option.prop("value").stringValue()).isEqualTo(String.valueOf(problem.get("id"))));
    walker.finish(caseNumber, route);
    assertThat(jdbc.queryForObject("SELECT solved_on FROM rm_problem WHERE id = ?", Object.class, problem.get("id")))
        .isNotNull();
  }

  private WebElement itemTitled(String title) {
    return browser.findElements(By.cssSelector(".item")).stream().filter(i -> i.getText().contains(title)).findFirst()
        .orElseThrow();
  }

  /** A tap: the item is brought to the middle of the screen first, clear of the status bar on top. */
  private void tap(WebElement element) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  private WebElement waitForStatus(String text) {
    WebElement status = browser.findElement(By.id("sync-status"));
    wait.until(ExpectedConditions.textToBePresentInElement(status, text));
    return status;
  }

  private static ChromiumNetworkConditions offline() {
    ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
    conditions.setOffline(true);
    return conditions;
  }

  private long checklistOf(String caseNumber) {
    return jdbc.queryForObject("SELECT cc.id FROM rm_case_checklist cc JOIN rm_monitoring_case c ON c.id = cc.case_id"
        + " WHERE c.case_number = ?", Long.class, caseNumber);
  }

  private long answersOf(String caseNumber) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM rm_checklist_answer WHERE case_checklist_id = ?", Long.class,
        checklistOf(caseNumber));
  }

  private long changesOf(String caseNumber) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM rm_checklist_change WHERE case_checklist_id = ?", Long.class,
        checklistOf(caseNumber));
  }

  /** A real PNG, as a phone's camera would hand it over: the charger's indicator, red. */
  private static Path indicatorPhoto() throws IOException {
    BufferedImage image = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.DARK_GRAY);
    graphics.fillRect(0, 0, 120, 90);
    graphics.setColor(Color.RED);
    graphics.fillOval(45, 30, 30, 30);
    graphics.dispose();
    Path file = Files.createTempDirectory("phone-camera").resolve("charger-indicator.png");
    ImageIO.write(image, "png", file.toFile());
    return file;
  }
}
