package org.riskmonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
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
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.laboratory.Laboratories;
import org.riskmonitor.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The yearly plan in a real Chromium, in Chinese: the manager approves a plan of three lines in
 * Tasklist and reads it on its page; a coordinator opens a case from one of its lines on the
 * opening form; a line whose last batch another coordinator took meanwhile refuses one more case
 * with the reason shown. Screenshots go to target/screenshots/.
 */
class MonitoringPlanBrowserTest extends RiskMonitorTest {

  private static final String E_BIKES = DemoPeople.ENTERPRISES.get(0).get(0);

  @LocalServerPort
  private int port;

  @Autowired
  private CaseWalker walker;

  @Autowired
  private MonitoringPlans plans;

  @Autowired
  private Laboratories labs;

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
  void managerApprovesAPlanOfThreeLines_coordinatorOpensACaseFromALine_aUsedUpLineRefuses() throws Exception {
    ProcessInstance instance = draftedAndAgreed();
    String planNumber = instance.getBusinessKey();

    // the manager approves in Tasklist, reading the plan's summary on the form
    page.login("manager");
    Task approval = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + approval.getId());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), planNumber));
    assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText())
        .contains("3个计划行 lines", "共12批 batches", "同意 Agreed");
    page.claim();
    page.click(page.formJs("approvalDecision-0"));
    page.complete(planNumber, "plan-01-manager-approves");
    assertThat(plans.byNumber(planNumber).status()).isEqualTo(MonitoringPlan.APPROVED);

    // the plan's page: its lines with what is left
    browser.get("http://localhost:" + port + "/plans/" + planNumber);
    WebElement lines = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-lines")));
    assertThat(lines.getText()).contains("电动自行车", "滨海新区", "天津市产品质量检验一所（演示）", "800.00");
    assertThat(browser.findElement(By.id("amend")).getText()).isEqualTo("修订 Amend");
    chromium.shoot("plan-02-plan-page");

    // a coordinator opens a case from line 2 on the opening form
    MonitoringPlan plan = plans.byNumber(planNumber);
    PlanLine second = plans.lines(plan.id()).get(1);
    PlanLine third = plans.lines(plan.id()).get(2);
    page.login("coordinator");
    assertThat(openedOnProgressPage(plan, second)).isEqualTo("0");
    // the plan's own start form offers each line's kinds, venues, districts and labs
    page.startForm("年度监测计划");
    page.formJs("planYear");
    List<WebElement> kinds = browser.findElements(By.cssSelector("input[id*='-Field_productKind']"));
    assertThat(kinds).as("three lines to fill by default").hasSizeGreaterThanOrEqualTo(3);
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", kinds.get(0));
    kinds.get(0).click();
    chromium.shoot("plan-03-coordinator-drafts-plan-form");
    wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and contains(., '电动自行车充电器 E-bike charger')]")));
    page.click(browser.findElement(By.xpath("//*[contains(@class, 'modal')]//*[self::button or self::a][normalize-space(.) = '关闭']")));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    startCaseForm();
    page.choose("planLineId", planNumber + " 第2行");
    page.type("enterpriseUscc", E_BIKES);
    page.type("productName", "电动自行车充电器 浏览器测试");
    chromium.shoot("plan-04-coordinator-opens-case");
    page.startButton().click();
    wait.until(d -> count("rm_monitoring_case", "plan_line_id = ?", second.id()) == 1);
    assertThat(plans.line(second.id()).casesOpened()).isEqualTo(1);
    assertThat(openedOnProgressPage(plan, second)).as("the plan's progress moved").isEqualTo("1");
    chromium.shoot("plan-04b-plan-progress-moved");

    // line 3 has one batch left when the form is filled; another coordinator takes it meanwhile
    startCaseForm();
    page.choose("planLineId", planNumber + " 第3行");
    page.type("enterpriseUscc", E_BIKES);
    page.type("productName", "电动自行车 浏览器测试");
    walker.openFromLine(third.id(), E_BIKES, "电动自行车 另一位协调员");
    page.startButton().click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "该计划行批次已用完（1/1）"));
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("请经理修订计划 This plan line's batches are used up (1 of 1); ask a manager to amend the plan");
    chromium.shoot("plan-05-used-up-line-refused");
    assertThat(count("rm_monitoring_case", "plan_line_id = ?", third.id())).isEqualTo(1);
  }

  /** A coordinator drafted the plan and an expert agreed with it (their forms are tested in MonitoringPlanPathsTest). */
  private ProcessInstance draftedAndAgreed() {
    int year = clock.today().getYear();
    String lab = String.valueOf(labs.all().stream().filter(l -> l.code().equals("TJQI1")).findFirst().orElseThrow().id());
    List<Map<String, Object>> lines = new ArrayList<>();
    lines.add(line("E_BIKE", "PRODUCTION", 5, lab, year));
    lines.add(line("E_BIKE_CHARGER", "DISTRIBUTION", 6, lab, year));
    lines.add(line("E_BIKE", "E_COMMERCE", 1, lab, year));
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(MonitoringPlans.PROCESS_KEY).latestVersion().singleResult().getId();
    ProcessInstance instance = walker.as(CaseWalker.COORDINATOR, () -> engine.getFormService().submitStartForm(definitionId,
        Map.of("planYear", year, "planTitle", year + "年度电动自行车专项监测计划 E-bike plan",
            "planLines", SpinValues.jsonValue(Spin.JSON(lines)).create())));
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    engine.getIdentityService().setAuthentication("expert1", List.of(Roles.EXPERTS));
    try {
      engine.getFormService().submitTaskForm(review.getId(), Map.of("reviewDecision", "AGREE"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    return instance;
  }

  private static Map<String, Object> line(String kind, String venue, int batches, String lab, int year) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("productKind", kind);
    line.put("venue", venue);
    line.put("districtCode", "120116");
    line.put("batches", batches);
    line.put("labId", lab);
    line.put("periodFrom", LocalDate.of(year, 1, 1).toString());
    line.put("periodTo", LocalDate.of(year, 12, 31).toString());
    line.put("samplingBudget", "800.00");
    line.put("testingBudget", "3500.00");
    return line;
  }

  /** What the dashboard's plan progress shows as opened for the line. */
  private String openedOnProgressPage(MonitoringPlan plan, PlanLine line) {
    browser.get("http://localhost:" + port + "/dashboard/plan-progress?plan=" + plan.id());
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#line-" + line.id() + " a.opened")))
        .getText();
  }

  /** Tasklist's 发起流程 Start process dialog, on the opening form of a case. */
  private void startCaseForm() {
    page.startForm("产品质量安全风险监测案件");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='-Field_planLineId']")));
  }
}
