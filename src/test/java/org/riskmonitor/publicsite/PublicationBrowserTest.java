package org.riskmonitor.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.riskmonitor.Chromium;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.TasklistPage;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.publication.ItemType;
import org.riskmonitor.publication.Publications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chinese: the manager approves a consumer alert and a black-list entry in Tasklist; a visitor
 * without login finds both by search and in the feed; the manager withdraws the alert from the
 * publications page and Tasklist, and the alert's public page then says only that it was withdrawn.
 * The clock stands in September 2032, a month no other test uses.
 */
class PublicationBrowserTest extends RiskMonitorTest {

  private static final List<String> E_BIKES = DemoPeople.ENTERPRISES.get(0);
  private static final List<String> CABLES = DemoPeople.ENTERPRISES.get(1);

  @LocalServerPort
  private int port;

  @Autowired
  private CaseWalker walker;

  private Chromium chromium;
  private ChromeDriver browser;
  private TasklistPage tasklist;

  @BeforeEach
  void startChromiumInSeptember2032() throws IOException {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2032, 9, 14, 10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    chromium = new Chromium();
    browser = chromium.browser();
    tasklist = new TasklistPage(chromium, port, engine.getTaskService());
  }

  @AfterEach
  void stopChromium() {
    ClockUtil.reset();
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void managerApprovesAnAlertAndABlackListEntry_aVisitorFindsThem_theWithdrawnAlertSaysSo()
      throws IOException, InterruptedException {
    String bikeCase = walker.open(E_BIKES.get(0), "E_BIKE", "电动自行车 浏览器2032").getBusinessKey();
    walker.finish(bikeCase, Route.remediated());
    String cableCase = walker.open(CABLES.get(0), "WIRE_CABLE", "电线 浏览器2032").getBusinessKey();
    walker.finish(cableCase, Route.remediated().with(r -> r.reinspectionPasses = false));
    String alert = number(bikeCase, ItemType.CONSUMER_ALERT);
    String black = number(cableCase, ItemType.BLACK_LIST);

    // the manager sees what the public will see, and approves both
    tasklist.login(CaseWalker.MANAGER);
    approve(alert, "publication-01-approve-alert", "电动自行车 浏览器2032");
    approve(black, "publication-02-approve-black-list", CABLES.get(1));

    // a visitor, not logged in, searches by product kind and enterprise, and reads the feed
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/public");
    WebElement form = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.search")));
    new Select(form.findElement(By.name("kind"))).selectByVisibleText("电动自行车 E-bike");
    form.findElement(By.name("enterprise")).sendKeys(E_BIKES.get(1));
    form.findElement(By.cssSelector("button[type=submit]")).click();
    chromium.waiting().until(ExpectedConditions.urlContains("kind=E_BIKE"));
    String results = browser.findElement(By.tagName("main")).getText();
    assertThat(results).contains(alert, "消费提示 Consumer alert").doesNotContain(black);
    tasklist.shoot("publication-03-visitor-search");
    browser.findElement(By.xpath("//a[contains(@href, '/public/items/" + alert + "')]")).click();
    assertThat(chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.tagName("main"))).getText())
        .contains("电动自行车 浏览器2032", E_BIKES.get(1), "天津市市场监督管理局").doesNotContain(CaseWalker.MANAGER);

    browser.get("http://localhost:" + port + "/public?type=BLACK_LIST&enterprise=" + CABLES.get(0));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains(black, "黑榜 Black list");
    tasklist.shoot("publication-04-visitor-black-list");
    browser.get("http://localhost:" + port + "/public/feed.atom?from=2032-09-01&to=2032-09-30");
    assertThat(browser.getPageSource()).contains("/public/items/" + alert, "/public/items/" + black);

    // the manager withdraws the alert: the publications page opens the step, Tasklist takes the reason
    tasklist.login(CaseWalker.MANAGER);
    browser.get("http://localhost:" + port + "/manage/publications");
    tasklist.click(chromium.waiting().until(ExpectedConditions.elementToBeClickable(
        By.xpath("//tr[contains(., '" + alert + "')]//button[contains(., '撤回 Withdraw')]"))));
    chromium.waiting().until(ExpectedConditions.urlContains("started=" + alert));
    tasklist.shoot("publication-05-withdrawal-started");
    String withdrawal = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(alert)
        .taskDefinitionKey("Task_WithdrawPublication").singleResult().getId();
    tasklist.openTaskLink(withdrawal, alert);
    tasklist.claim();
    tasklist.type("withdrawalReason", "企业已召回全部涉事批次，风险已消除");
    tasklist.complete(alert, "publication-06-withdraw");

    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/public/items/" + alert);
    String withdrawn = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.tagName("main"))).getText();
    assertThat(withdrawn).contains("本信息已撤回 This item was withdrawn", "企业已召回全部涉事批次，风险已消除", "2032-09-14")
        .doesNotContain("电动自行车 浏览器2032", E_BIKES.get(1));
    tasklist.shoot("publication-07-withdrawn-page");
    browser.get("http://localhost:" + port + "/public?enterprise=" + E_BIKES.get(0));
    assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("电动自行车 浏览器2032");
    assertThat(chromium.securityPolicyViolations()).isEmpty();
    System.out.println("Browser test screenshots: " + tasklist.shots());

    // on a phone the search and the black-list entry fit the screen: nothing to scroll sideways
    try (Chromium phone = Chromium.phone()) {
      for (Map.Entry<String, String> page : Map.of("/public?type=BLACK_LIST", "黑榜 Black list",
          "/public/items/" + black, CABLES.get(1)).entrySet()) {
        String path = page.getKey();
        phone.browser().get("http://localhost:" + port + path);
        assertThat(phone.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.tagName("main"))).getText())
            .contains(page.getValue());
        Number overflow = (Number) phone.browser().executeScript(
            "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow.intValue()).as("sideways overflow of " + path + " on a phone").isLessThanOrEqualTo(0);
        phone.shoot("publication-08-phone-" + (path.contains("items") ? "item" : "black-list"));
      }
    }
  }

  private void approve(String publicNumber, String screenshot, String shown) throws IOException, InterruptedException {
    String taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(publicNumber)
        .taskDefinitionKey("Task_ApprovePublication").singleResult().getId();
    tasklist.openTaskLink(taskId, publicNumber);
    assertThat(tasklist.formText()).contains("公众将看到的内容 What the public will see", shown, "已于");
    tasklist.claim();
    tasklist.pick("publicationDecision", "同意公开");
    tasklist.complete(publicNumber, screenshot);
  }

  private String number(String caseNumber, ItemType type) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Publications.PROCESS_KEY)
        .variableValueEquals("caseNumber", caseNumber).variableValueEquals("itemTypeName", type.label()).singleResult()
        .getBusinessKey();
  }
}
