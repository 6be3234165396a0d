package org.riskmonitor.yearlycatalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.riskmonitor.Chromium;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.demo.CatalogueRoundWalker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The manager approves next year's catalogue in a real Chromium, in Chinese; the coordinator's draft
 * and the expert's review are done through the Java API first. Screenshots go to target/screenshots/.
 */
class CatalogueApprovalBrowserTest extends RiskMonitorTest {

  @LocalServerPort
  private int port;

  @Autowired
  private CatalogueRoundWalker walker;

  @Autowired
  private YearlyCatalogues catalogues;

  @Autowired
  private RegulatorClock clock;

  private Chromium chromium;
  private ChromeDriver browser;
  private WebDriverWait wait;

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
  void theManagerApprovesTheCatalogueInTasklist() throws IOException {
    // next year's round: this year's belongs to the demo; it closes today and is closed at once
    int year = clock.today().getYear() + 1;
    ProcessInstance round = walker.openRound(year, clock.today(), clock.today());
    walker.runTimer(round.getId());
    walker.draft(walker.openTask(round), List.of(CatalogueRoundWalker.addedKind("WIRE_CABLE", "HIGH_RISK"),
        CatalogueRoundWalker.addedKind("GAS_STOVE", "ELDERLY")));
    walker.review(walker.openTask(round), true, "两类均为高风险产品，同意列入。Both are high-risk: agreed.");
    Task approval = walker.openTask(round);
    assertThat(approval.getTaskDefinitionKey()).isEqualTo("Task_ApproveCatalogue");

    chromium.login(port, "manager");
    By card = By.xpath("//li[contains(@class, 'task') and contains(., '批准年度目录')]");
    wait.ignoring(StaleElementReferenceException.class).until(driver -> {
      WebElement found = ExpectedConditions.elementToBeClickable(card).apply(driver);
      if (found == null) {
        return false;
      }
      found.findElement(By.cssSelector("h4, a, .names")).click();
      return true;
    });
    WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-container")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"),
        year + "年度重点产品目录 第1版"));
    assertThat(form.getText()).contains("两类均为高风险产品，同意列入");
    assertThat(browser.findElements(By.cssSelector(".fjs-container input[readonly]")).stream()
        .map(input -> input.getAttribute("value")).toList())
        .contains("电线电缆 Wires and cables", "家用燃气灶具 Domestic gas stove", "高风险产品 High-risk products");
    chromium.shoot("catalogue-01-manager-opens-approval");

    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".claim")));
    WebElement approve = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("input[id$='-Field_approvalDecision-0']")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", approve);
    approve.click();
    // the drafted kinds are a dynamic list: Tasklist 7.24's form-js may keep an empty error entry for it
    // (bpmn-io/form-js#1494) and leave 完成 disabled; 保存 validates the whole form afresh and clears it
    click(browser.findElement(By.xpath("//button[normalize-space(.) = '保存']")));
    chromium.shoot("catalogue-02-manager-approves");
    click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))));
    wait.until(d -> engine.getTaskService().createTaskQuery().taskId(approval.getId()).count() == 0);
    chromium.shoot("catalogue-03-approved");

    CatalogueVersion inForce = catalogues.versionInForce(year).orElseThrow();
    assertThat(inForce.versionNo()).isEqualTo(1);
    assertThat(inForce.approvedBy()).isEqualTo("manager");
    assertThat(catalogues.inForce(year)).extracting(CatalogueEntry::productKind).containsExactly("WIRE_CABLE", "GAS_STOVE");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(round.getId()).singleResult())
        .isNotNull();
    assertThat(walker.openTask(round)).isNull();
  }

  /** Tasklist's fixed footer can cover the bottom of the pane; bring the element to the middle first. */
  private void click(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
        element);
  }
}
