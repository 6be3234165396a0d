package org.riskmonitor.yearlycatalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.riskmonitor.Chromium;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.TasklistPage;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.demo.CatalogueRoundWalker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real Chromium, in Chinese: a coordinator opens next year's round from Tasklist's start dialog
 * and the manager approves its catalogue; the draft and the expert's review in between are done
 * through the Java API. Screenshots go to target/screenshots/.
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
  void aCoordinatorOpensTheRound_theManagerApprovesTheCatalogue_inTasklist() throws IOException, InterruptedException {
    // next year's round (this year's belongs to the demo), opened by a coordinator in Tasklist's
    // Start process dialog; it closes today and its timer is run at once
    int year = clock.today().getYear() + 1;
    page.login("coordinator");
    page.startForm("年度重点产品目录征集");
    WebElement yearField = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id$='-Field_roundYear']")));
    yearField.sendKeys(String.valueOf(year));
    wait.until(d -> String.valueOf(year).equals(yearField.getAttribute("value")));
    page.pickToday("opensOn");
    page.pickToday("closesOn");
    Thread.sleep(600);
    chromium.shoot("catalogue-00-coordinator-opens-the-round");
    page.click(page.startButton());
    wait.until(d -> catalogues.round(year).isPresent());
    CatalogueRound opened = catalogues.round(year).orElseThrow();
    // the picker's today is the browser's, which may be a day off the regulator's
    assertThat(opened.closesOn()).isEqualTo(opened.opensOn());
    assertThat(ChronoUnit.DAYS.between(opened.opensOn(), clock.today())).isBetween(-1L, 1L);
    assertThat(opened.status()).isEqualTo(RoundStatus.OPEN);
    ProcessInstance round = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(YearlyCatalogues.businessKey(year)).singleResult();
    walker.runTimer(round.getId());
    walker.draft(walker.openTask(round), List.of(CatalogueRoundWalker.addedKind("WIRE_CABLE", "HIGH_RISK"),
        CatalogueRoundWalker.addedKind("GAS_STOVE", "ELDERLY")));
    walker.review(walker.openTask(round), true, "两类均为高风险产品，同意列入。Both are high-risk: agreed.");
    Task approval = walker.openTask(round);
    assertThat(approval.getTaskDefinitionKey()).isEqualTo("Task_ApproveCatalogue");

    page.login("manager");
    page.openTask(YearlyCatalogues.businessKey(year), "批准年度目录");
    WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-container")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"),
        year + "年度重点产品目录 第1版"));
    assertThat(form.getText()).contains("两类均为高风险产品，同意列入");
    assertThat(browser.findElements(By.cssSelector(".fjs-container input[readonly]")).stream()
        .map(input -> input.getAttribute("value")).toList())
        .contains("电线电缆 Wires and cables", "家用燃气灶具 Domestic gas stove", "高风险产品 High-risk products");
    chromium.shoot("catalogue-01-manager-opens-approval");

    page.claim();
    WebElement approve = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("input[id$='-Field_approvalDecision-0']")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", approve);
    approve.click();
    // the drafted kinds are a dynamic list: Tasklist 7.24's form-js may keep an empty error entry for it
    // (bpmn-io/form-js#1494) and leave 完成 disabled; 保存 validates the whole form afresh and clears it
    page.click(browser.findElement(By.xpath("//button[normalize-space(.) = '保存']")));
    chromium.shoot("catalogue-02-manager-approves");
    page.click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))));
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
}
