package org.riskmonitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.riskmonitor.Chromium;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The manager's visit, in a real Chromium: the dashboard draws its charts and the coloured
 * risk-case diagram from the jar's own ECharts and bpmn-js, filters by product kind, and a click
 * on a step of the diagram leads to the cases waiting there and on to one case's page. The pages'
 * Content-Security-Policy blocks nothing they need: Chromium reports no violation.
 */
class DashboardBrowserTest extends RiskMonitorTest {

  @LocalServerPort
  private int port;

  @Autowired
  private CaseWalker walker;

  private Chromium chromium;

  @BeforeEach
  void startChromium() throws IOException {
    chromium = new Chromium();
  }

  @AfterEach
  void stopChromium() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void managerSeesTheHeatmap_filtersByProductKind_andClicksThroughToACase() throws IOException {
    String charger = walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE_CHARGER", "电动自行车充电器").getBusinessKey();
    walker.advanceTo(charger, "Task_ReceiveSample", Route.remediated());
    ChromeDriver browser = chromium.browser();
    WebDriverWait wait = chromium.waiting();

    chromium.login(port, "manager");
    browser.get("http://localhost:" + port + "/dashboard");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#heatmap.drawn")));
    assertThat(browser.findElements(By.cssSelector("#heatmap .heat-label"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#phase-chart canvas, #phase-chart svg"))).isNotEmpty();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("监测工作概况 Programme dashboard");
    assertThat(chromium.securityPolicyViolations()).as("blocked by the Content-Security-Policy").isEmpty();
    browser.executeScript("document.getElementById('heatmap').scrollIntoView()");
    chromium.shoot("11-manager-dashboard-heatmap");

    new Select(browser.findElement(By.name("productKind"))).selectByValue("E_BIKE_CHARGER");
    browser.findElement(By.cssSelector("#filter button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("productKind=E_BIKE_CHARGER"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#heatmap.drawn")));
    assertThat(new Select(browser.findElement(By.name("productKind"))).getFirstSelectedOption().getText())
        .isEqualTo("电动自行车充电器");
    browser.executeScript("document.getElementById('heatmap').scrollIntoView()");
    chromium.shoot("12-filtered-by-chargers");

    WebElement labTest = browser.findElement(By.cssSelector("#heatmap [data-element-id=CallActivity_LabTest]"));
    labTest.click();
    wait.until(ExpectedConditions.urlContains("figure=waiting"));
    assertThat(browser.getCurrentUrl()).contains("activity=CallActivity_LabTest", "productKind=E_BIKE_CHARGER");
    WebElement caseLink = wait.until(ExpectedConditions.elementToBeClickable(By.linkText(charger)));
    chromium.shoot("13-slowest-open-cases");
    caseLink.click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), charger));
    assertThat(browser.findElement(By.id("case-file")).getText()).contains("天津市津骑电动车有限公司");
    assertThat(browser.findElement(By.id("timeline")).getText()).contains("确认抽样单 Confirm sampling slip", "在办 open");
    assertThat(chromium.securityPolicyViolations()).as("blocked by the Content-Security-Policy").isEmpty();
    chromium.shoot("14-case-page");
  }

  /**
   * The page as a manager reads it at 1440 and at 1024 px: the header bar leads to Tasklist and
   * Cockpit, every key figure is a card with its change against the year before, the heatmap's
   * badges do not cover one another, nothing scrolls sideways, and the header's logout ends the session.
   */
  @Test
  void cardsHeaderAndHeatmapReadAtAGlance_atBothWidths_andLogoutEndsTheSession() throws IOException {
    String cable = walker.open(DemoPeople.ENTERPRISES.get(1).get(0), "WIRE_CABLE", "电线").getBusinessKey();
    walker.advanceTo(cable, "Task_ReceiveSample", Route.remediated());
    ChromeDriver browser = chromium.browser();
    WebDriverWait wait = chromium.waiting();
    chromium.login(port, "manager");

    for (int width : new int[] {1440, 1024}) {
      browser.manage().window().setSize(new Dimension(width, 2400));
      browser.get("http://localhost:" + port + "/dashboard");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#heatmap.drawn")));
      assertThat(browser.findElement(By.id("nav-tasklist")).getAttribute("href")).endsWith("/camunda/app/tasklist/");
      assertThat(browser.findElement(By.id("nav-cockpit")).getAttribute("href")).endsWith("/camunda/app/cockpit/");
      assertThat(browser.findElement(By.id("signed-in")).getText()).isEqualTo("manager");

      List<WebElement> cards = browser.findElements(By.cssSelector("#key-figures .card"));
      assertThat(cards).hasSizeGreaterThanOrEqualTo(9);
      for (WebElement card : cards) {
        assertThat(card.findElement(By.cssSelector(".value")).getText()).matches("\\d+(\\.\\d%)?");
        assertThat(card.findElement(By.cssSelector(".change")).getText())
            .matches("(— |(0\\.0|[+\u2212]\\d+\\.\\d)(%|个百分点 pp) )同比 YoY");
      }
      assertThat(browser.findElement(By.cssSelector("#card-batchesSampled .label")).getText())
          .isEqualTo("监测批次 Batches sampled");

      assertThat(overlappingBadges(browser)).as("heatmap badges covering each other").isEmpty();
      assertThat(browser.findElements(By.cssSelector("#heatmap .heat-label.heat-open"))).isNotEmpty();
      assertThat(browser.findElement(By.id("heat-scale-max")).getText()).endsWith(" h");
      Number overflow = (Number) browser.executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertThat(overflow.intValue()).as("sideways scrolling at " + width + " px").isLessThanOrEqualTo(0);
      assertThat(chromium.securityPolicyViolations()).as("blocked by the Content-Security-Policy").isEmpty();
      chromium.shoot("dashboard-" + width);
    }

    // on paper: no header bar or filter, the cards and charts kept
    browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    assertThat(browser.findElement(By.cssSelector(".app-header")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("filter")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("key-figures")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("phase-chart")).isDisplayed()).isTrue();
    chromium.shoot("dashboard-print");
    browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

    browser.findElement(By.id("labs-and-experts-link")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "检验机构与专家 Labs and experts"));
    assertThat(browser.findElement(By.id("labs")).getText()).contains("周转中位数");
    assertThat(browser.findElement(By.cssSelector("#nav-labs-and-experts")).getAttribute("class")).contains("active");
    chromium.shoot("labs-and-experts-1024");

    browser.findElement(By.id("logout")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signinForm]")));
    browser.get("http://localhost:" + port + "/dashboard");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signinForm]")));
  }

  /** Pairs of heatmap badges whose boxes intersect, as the browser laid them out. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> overlappingBadges(ChromeDriver browser) {
    return (List<Map<String, Object>>) browser.executeScript("""
        var boxes = Array.prototype.map.call(document.querySelectorAll('#heatmap .heat-label'), function (b) {
          return { text: b.dataset.activity + ' ' + b.textContent, box: b.getBoundingClientRect() };
        });
        var overlaps = [];
        boxes.forEach(function (a, i) {
          boxes.slice(i + 1).forEach(function (b) {
            if (a.box.left < b.box.right && b.box.left < a.box.right && a.box.top < b.box.bottom && b.box.top < a.box.bottom) {
              overlaps.push({ a: a.text, b: b.text });
            }
          });
        });
        return overlaps;
        """);
  }
}
