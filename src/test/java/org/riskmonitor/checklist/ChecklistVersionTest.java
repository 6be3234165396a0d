package org.riskmonitor.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.checklist.Checklists.ItemDraft;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.springframework.beans.factory.annotation.Autowired;

/** A case keeps the checklist version it was given at its sampler's assignment; later cases get the revision. */
class ChecklistVersionTest extends RiskMonitorTest {

  private static final String KIND = "E_BIKE_CHARGER";
  private static final String ADDED_TITLE = "充电接口温升 Charging socket temperature";

  @Autowired
  private CaseWalker walker;

  @Autowired
  private Checklists checklists;

  @Autowired
  private OnSiteChecks onSiteChecks;

  @Autowired
  private MonitoringCases cases;

  private List<ChecklistItem> itemsAtStart;

  @BeforeEach
  void readTheChecklistInForce() {
    itemsAtStart = checklists.items(checklists.inForce(KIND).id());
  }

  /** Other tests walk charger cases: they get the items this test started from, as a next version. */
  @AfterEach
  void putTheItemsBack() {
    Checklist inForce = checklists.inForce(KIND);
    if (!checklists.items(inForce.id()).equals(itemsAtStart)) {
      checklists.revise(KIND, inForce.version(), drafts(itemsAtStart), "测试还原 Test puts the items back",
          CaseWalker.COORDINATOR);
    }
  }

  @Test
  void aRunningCaseKeepsItsVersion_aCaseAssignedAfterTheRevisionGetsTheNewOne() {
    Checklist before = checklists.inForce(KIND);
    String uscc = DemoPeople.ENTERPRISES.get(0).get(0);
    String first = walker.open(uscc, KIND, "电动自行车充电器").getBusinessKey();
    walker.advanceTo(first, "Task_FillSamplingSlip", Route.remediated());
    long firstId = cases.byNumber(first).id();
    assertThat(onSiteChecks.ofCase(firstId).checklist().version()).isEqualTo(before.version());

    List<ItemDraft> revisedItems = new ArrayList<>(drafts(itemsAtStart.subList(1, itemsAtStart.size())));
    revisedItems.add(new ItemDraft(CheckArea.PRODUCT, ADDED_TITLE, "充电30分钟后测量插座温度 Measure the socket after 30 min",
        "温升超过标准限值 Above the standard's limit"));
    Checklist revised = checklists.revise(KIND, before.version(), revisedItems, "改版 Revised for the test", "expert1");
    assertThat(revised.version()).isEqualTo(before.version() + 1);

    OnSiteChecks.ChecklistView running = onSiteChecks.ofCase(firstId);
    assertThat(running.checklist().version()).isEqualTo(before.version());
    assertThat(running.items()).extracting(OnSiteChecks.ItemView::item).containsExactlyElementsOf(itemsAtStart);

    String second = walker.open(uscc, KIND, "电动自行车充电器").getBusinessKey();
    walker.advanceTo(second, "Task_FillSamplingSlip", Route.remediated());
    OnSiteChecks.ChecklistView later = onSiteChecks.ofCase(cases.byNumber(second).id());
    assertThat(later.checklist().version()).isEqualTo(revised.version());
    assertThat(later.items()).extracting(view -> view.item().title())
        .contains(ADDED_TITLE).doesNotContain(itemsAtStart.get(0).title());

    // the sampler answers the first case's own items, and its slip goes through
    Task slip = walker.openTask(first);
    walker.submit(slip, walker.valuesFor(slip, Route.remediated()));
    assertThat(walker.openTask(first).getTaskDefinitionKey()).isEqualTo("Task_ConfirmSamplingSlip");
    OnSiteChecks.ChecklistView submitted = onSiteChecks.ofCase(firstId);
    assertThat(submitted.filling().open()).isFalse();
    assertThat(submitted.checklist().version()).isEqualTo(before.version());
    assertThat(submitted.answered()).isEqualTo(itemsAtStart.size());
  }

  private static List<ItemDraft> drafts(List<ChecklistItem> items) {
    return items.stream().map(i -> new ItemDraft(i.area(), i.title(), i.method(), i.findingCriterion())).toList();
  }
}
