package org.riskmonitor.planprogress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A coordinator's look at plan progress in a real Chromium: from the dashboard to the plan's
 * lines, narrowed to those behind schedule, and from a count to the case behind it. The page's
 * Content-Security-Policy blocks nothing it needs.
 */
class PlanProgressBrowserTest extends RiskMonitorTest {

  @LocalServerPort
  private int port;

  @Autowired
  private CaseWalker walker;

  @Autowired
  private RegulatorClock clock;

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
  void coordinatorFindsTheLineBehindSchedule_andTheCasesOfALine() throws IOException {
    LocalDate today = clock.today();
    jdbc.update("INSERT INTO rm_monitoring_plan (plan_number, plan_year, title, status, version, drafted_by, drafted_at)"
        + " VALUES ('PB-BROWSER-001', ?, '浏览器计划 Browser plan', 'APPROVED', 1, 'coordinator', ?)",
        today.getYear(), clock.now());
    long plan = jdbc.queryForObject("SELECT id FROM rm_monitoring_plan WHERE plan_number = 'PB-BROWSER-001'", Long.class);
    long lab = jdbc.queryForList("SELECT id FROM rm_lab ORDER BY id", Long.class).get(0);
    // a line whose period starts in ten days, one case already opened, and one that ended with nothing opened
    long upcoming = line(plan, 1, "E_BIKE", 4, lab, today.plusDays(10), today.plusDays(100));
    long ended = line(plan, 2, "WIRE_CABLE", 2, lab, today.minusDays(100), today.minusDays(10));
    String caseNumber = walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "电动自行车").getBusinessKey();
    jdbc.update("UPDATE rm_monitoring_case SET plan_line_id = ? WHERE case_number = ?", upcoming, caseNumber);

    ChromeDriver browser = chromium.browser();
    WebDriverWait wait = chromium.waiting();
    chromium.login(port, "coordinator");
    browser.get("http://localhost:" + port + "/dashboard");
    browser.findElement(By.id("plan-progress-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lines")));
    new Select(browser.findElement(By.name("plan"))).selectByValue(Long.toString(plan));
    browser.findElement(By.cssSelector("#filter button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("plan=" + plan));
    assertThat(rows(browser)).containsExactly("line-" + upcoming, "line-" + ended);
    assertThat(browser.findElement(By.id("line-" + ended)).getAttribute("class")).isEqualTo("behind");
    assertThat(browser.findElement(By.cssSelector("#line-" + ended + " .schedule")).getText())
        .contains("期满未立案 2 批 2 batches never opened");
    assertThat(browser.findElement(By.cssSelector("#line-" + upcoming + " .schedule")).getText())
        .isEqualTo("按期 On schedule");
    assertThat(browser.findElement(By.cssSelector("#plan-" + plan + " .behind-count")).getText()).isEqualTo("1");
    assertThat(chromium.securityPolicyViolations()).as("blocked by the Content-Security-Policy").isEmpty();
    chromium.shoot("plan-progress-1-lines");

    browser.findElement(By.name("behind")).click();
    browser.findElement(By.cssSelector("#filter button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("behind=true"));
    assertThat(rows(browser)).containsExactly("line-" + ended);
    chromium.shoot("plan-progress-2-behind-only");

    browser.findElement(By.name("behind")).click();
    browser.findElement(By.cssSelector("#filter button[type=submit]")).click();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("behind=true")));
    WebElement opened = browser.findElement(By.cssSelector("#line-" + upcoming + " a.opened"));
    assertThat(opened.getText()).isEqualTo("1");
    opened.click();
    wait.until(ExpectedConditions.urlContains("figure=opened"));
    assertThat(browser.findElement(By.id("cases")).getText()).contains(caseNumber, "天津市津骑电动车有限公司");
    assertThat(browser.findElement(By.tagName("h1")).getText()).endsWith("已立案 Opened · PB-BROWSER-001 第1行 line 1");
    chromium.shoot("plan-progress-3-cases-of-a-line");
  }

  private static List<String> rows(ChromeDriver browser) {
    return browser.findElements(By.cssSelector("#lines tbody tr")).stream().map(r -> r.getAttribute("id")).toList();
  }

  private long line(long plan, int lineNo, String kind, int batches, long lab, LocalDate from, LocalDate to) {
    jdbc.update("INSERT INTO rm_plan_line (plan_id, line_no, product_kind, venue, district_code, batches, lab_id,"
        + " period_from, period_to, sampling_budget_per_batch, testing_budget_per_batch)"
        + " VALUES (?, ?, ?, 'PRODUCTION', '120116', ?, ?, ?, ?, ?, ?)", plan, lineNo, kind, batches, lab, from, to,
        new BigDecimal("1000.00"), new BigDecimal("2000.00"));
    return jdbc.queryForObject("SELECT id FROM rm_plan_line WHERE plan_id = ? AND line_no = ?", Long.class, plan, lineNo);
  }
}
