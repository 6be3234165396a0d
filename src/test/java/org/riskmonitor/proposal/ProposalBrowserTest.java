package org.riskmonitor.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A citizen proposes products without an account, in Chinese, until the page refuses a flood
 * from the same address; the coordinator opens a topic from the first proposal in Tasklist and
 * merges the second into it.
 */
class ProposalBrowserTest extends RiskMonitorTest {

  private static final String CONTACT = "13912345678";

  @LocalServerPort
  private int port;

  private Chromium chromium;
  private ChromeDriver browser;
  private TasklistPage tasklist;

  @BeforeEach
  void startChromiumInAnHourOfItsOwn() throws IOException {
    // the per-address limit counts every submission from 127.0.0.1 in the hour: this test's hour is its own
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 400L * 3_600_000L));
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
  void citizenProposesWithoutLogin_aFloodIsRefused_andTheCoordinatorMergesTwoProposalsIntoOneTopic()
      throws IOException, InterruptedException {
    long proposalsBefore = count("rm_proposal", "1 = 1");
    String lunchBoxes = propose("一次性塑料餐盒", "网络平台", "某外卖平台", "外卖餐盒装热汤后变软，有塑料味，担心有害物质迁移。");
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("感谢您的建议", "Thank you for your proposal")
        .doesNotContain(CONTACT);
    tasklist.shoot("proposal-01-received");
    String takeawayBoxes = propose("外卖塑料饭盒", "实体商店", "和平区某超市", "饭盒微波加热后变形，孩子每天用它带饭。");

    // the same address may propose five times in an hour; the sixth is refused and nothing is written
    for (int more = 0; more < 3; more++) {
      propose("儿童滑板车" + more, "集贸市场", "河西区某市场", "车把松动，刹车不灵，孩子骑行时容易摔倒。");
    }
    submitProposal("电热毯", "网络平台", "某电商平台", "使用时局部过热，担心起火。");
    WebElement refusal = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".problems")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("建议未提交 Proposal not submitted");
    assertThat(refusal.getText()).contains("提交过于频繁", "Too many proposals from your address");
    tasklist.shoot("proposal-02-flood-refused");
    assertThat(count("rm_proposal", "1 = 1")).isEqualTo(proposalsBefore + 5);
    assertThat(count("rm_proposal", "product = '电热毯'")).isZero();

    // the coordinator: the first proposal opens a topic...
    tasklist.login("coordinator");
    tasklist.openTaskLink(triageOf(lunchBoxes), lunchBoxes);
    assertThat(tasklist.formText()).contains("一次性塑料餐盒", "某外卖平台", "有害物质迁移").doesNotContain(CONTACT);
    tasklist.claim();
    tasklist.pick("triageDecision", "新建议题");
    tasklist.type("topicTitle", "一次性塑料餐盒 Disposable plastic lunch boxes");
    tasklist.choose("productKind", "食品接触用塑料制品");
    tasklist.choose("focusGroup", "食品接触产品");
    tasklist.complete(lunchBoxes, "proposal-03-new-topic");

    // ...and the second, which arrived before that topic existed, is merged into it
    tasklist.openTaskLink(triageOf(takeawayBoxes), takeawayBoxes);
    tasklist.claim();
    tasklist.pick("triageDecision", "并入已有议题");
    tasklist.choose("existingTopicId", "一次性塑料餐盒");
    tasklist.complete(takeawayBoxes, "proposal-04-merged");

    List<Long> topics = jdbc.queryForList("SELECT topic_id FROM rm_proposal WHERE proposal_number IN (?, ?)", Long.class,
        lunchBoxes, takeawayBoxes);
    assertThat(topics).hasSize(2).doesNotContainNull().containsOnly(topics.get(0));
    assertThat(jdbc.queryForMap("SELECT title, proposal_count, product_kind, focus_group FROM rm_proposal_topic WHERE id = ?",
        topics.get(0))).containsEntry("PROPOSAL_COUNT", 2).containsEntry("PRODUCT_KIND", "FOOD_CONTACT_PLASTIC")
        .containsEntry("FOCUS_GROUP", "FOOD_CONTACT");
    System.out.println("Browser test screenshots: " + tasklist.shots());
  }

  private String triageOf(String proposalNumber) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(proposalNumber)
        .taskDefinitionKey("Task_TriageProposal").singleResult().getId();
  }

  /** Proposes through the public page and returns the number the page answers with. */
  private String propose(String product, String place, String placeName, String concern) {
    submitProposal(product, place, placeName, concern);
    return chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".number"))).getText();
  }

  private void submitProposal(String product, String place, String placeName, String concern) {
    browser.get("http://localhost:" + port + "/proposals/new");
    WebElement form = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form")));
    form.findElement(By.name("product")).sendKeys(product);
    form.findElement(By.xpath(".//label[contains(., '" + place + "')]/input[@name='placeKind']")).click();
    form.findElement(By.name("placeDetail")).sendKeys(placeName);
    form.findElement(By.name("concern")).sendKeys(concern);
    form.findElement(By.name("contact")).sendKeys(CONTACT);
    form.findElement(By.cssSelector("button[type=submit]")).click();
  }
}
