package org.riskmonitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
}
