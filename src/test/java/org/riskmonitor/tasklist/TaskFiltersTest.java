package org.riskmonitor.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.springframework.beans.factory.annotation.Autowired;

/** What each person's Tasklist filters show, run as that person. */
class TaskFiltersTest extends RiskMonitorTest {

  @Autowired
  private CaseWalker walker;

  @Test
  void anEnterpriseSeesItsFourFiltersAndOnlyItsOwnTasks() {
    Task own = taskAt(0, "Task_ConfirmSamplingSlip");
    Task other = taskAt(1, "Task_ConfirmSamplingSlip");

    List<String> filters = walker.as("enterprise1", () -> engine.getFilterService().createFilterQuery().list())
        .stream().map(Filter::getName).toList();
    assertThat(filters).containsExactlyInAnyOrder(TaskFilters.MINE, TaskFilters.MY_ORGANISATION, TaskFilters.DUE_SOON,
        TaskFilters.OVERDUE);

    List<String> mine = tasks("enterprise1", TaskFilters.MINE);
    assertThat(mine).contains(own.getId()).doesNotContain(other.getId());
    assertThat(tasks("enterprise2", TaskFilters.MINE)).contains(other.getId()).doesNotContain(own.getId());
    assertThat(tasks("enterprise1", TaskFilters.MY_ORGANISATION)).contains(own.getId()).doesNotContain(other.getId());
  }

  /** The card's columns are copies on the task itself, which its candidates may read. */
  @Test
  void anEnterpriseReadsTheCaseColumnsOfItsTaskCard() {
    Task own = taskAt(0, "Task_ConfirmSamplingSlip");
    Map<String, Object> columns = walker.as("enterprise1",
        () -> engine.getTaskService().getVariablesLocal(own.getId(), TaskCardColumns.COLUMNS));
    assertThat(columns).containsKeys("caseNumber", "enterpriseName", "productName", "phaseName")
        .containsEntry("phaseName", "抽样 Sampling");
  }

  @Test
  void dueSoonAndOverdueFollowTheDueDate() {
    Task soon = taskAt(0, "Task_ConfirmSamplingSlip");
    Task late = taskAt(0, "Task_ConfirmSamplingSlip");
    Task later = taskAt(0, "Task_ConfirmSamplingSlip");
    engine.getTaskService().saveTask(due(late, new Date(System.currentTimeMillis() - 3_600_000)));
    engine.getTaskService().saveTask(due(later, new Date(System.currentTimeMillis() + 20L * 86_400_000)));

    assertThat(tasks("enterprise1", TaskFilters.DUE_SOON)).contains(soon.getId())
        .doesNotContain(late.getId(), later.getId());
    assertThat(tasks("enterprise1", TaskFilters.OVERDUE)).contains(late.getId())
        .doesNotContain(soon.getId(), later.getId());
  }

  @Test
  void theRegulatorSeesEveryOpenCase_withTheCaseColumns() {
    Task e1 = taskAt(0, "Task_ConfirmSamplingSlip");
    Task e2 = taskAt(1, "Task_ConfirmSamplingSlip");

    assertThat(tasks("coordinator", TaskFilters.ALL_OPEN)).contains(e1.getId(), e2.getId());
    assertThat(tasks("manager", TaskFilters.ALL_OPEN)).contains(e1.getId(), e2.getId());
    Filter all = engine.getFilterService().createFilterQuery().filterName(TaskFilters.ALL_OPEN).singleResult();
    @SuppressWarnings("unchecked")
    List<Map<String, String>> columns = (List<Map<String, String>>) all.getProperties().get("variables");
    assertThat(columns).extracting(c -> c.get("name"))
        .containsExactly("caseNumber", "programmeNumber", "enterpriseName", "productName", "phaseName", "riskLevelName");
    assertThat(engine.getTaskService().getVariable(e1.getId(), "phaseName")).isEqualTo("抽样 Sampling");
  }

  private Task taskAt(int enterprise, String taskKey) {
    String caseNumber = walker.open(DemoPeople.ENTERPRISES.get(enterprise).get(0), enterprise == 0 ? "E_BIKE" : "WIRE_CABLE",
        "产品").getBusinessKey();
    walker.advanceTo(caseNumber, taskKey, Route.remediated());
    return walker.openTask(caseNumber);
  }

  private List<String> tasks(String user, String filterName) {
    String filterId = engine.getFilterService().createFilterQuery().filterName(filterName).singleResult().getId();
    return walker.as(user, () -> engine.getFilterService().<Task>list(filterId)).stream().map(Task::getId).toList();
  }

  private static Task due(Task task, Date dueDate) {
    task.setDueDate(dueDate);
    return task;
  }
}
