package org.riskmonitor.tasklist;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.riskmonitor.security.Roles;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of each role, created once with the authorizations that make them
 * visible (an owner-less filter from configuration would be visible to nobody). Each lists the
 * case number, enterprise, product, phase and risk level beside the task.
 */
@Component
public class TaskFilters {

  public static final String MINE = "我的待办 My tasks";
  public static final String MY_ORGANISATION = "本单位待办 My group's tasks";
  public static final String DUE_SOON = "即将到期 Due in 3 working days";
  public static final String OVERDUE = "已逾期 Overdue";
  public static final String ALL_OPEN = "全部案件 All open cases";

  private static final List<Map<String, String>> CASE_COLUMNS = List.of(
      Map.of("name", "caseNumber", "label", "案件编号 Case"),
      Map.of("name", TaskCardColumns.PROGRAMME_NUMBER, "label", "编号 Number"),
      Map.of("name", "enterpriseName", "label", "企业 Enterprise"),
      Map.of("name", "productName", "label", "产品 Product"),
      Map.of("name", "phaseName", "label", "阶段 Phase"),
      Map.of("name", "riskLevelName", "label", "风险等级 Risk level"));

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  public TaskFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  @EventListener
  @Order(2)
  public void onDeployed(PostDeployEvent event) {
    create(MINE, "分配给我或我所在单位、尚未被他人认领的任务 Tasks for me or my organisation", -20, mine(), Roles.ALL);
    create(MY_ORGANISATION, "本单位的全部待办，含同事已认领的 All tasks of my organisation, claimed or not", -15,
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .orderByDueDate().asc(), Roles.ALL);
    create(DUE_SOON, "三个工作日内到期 Due within three working days", -10,
        mine().dueAfterExpression("${now()}").dueBeforeExpression("${dueDates.workingDays(3)}"), Roles.ALL);
    create(OVERDUE, "已超过期限 Past their due date", -5, mine().dueBeforeExpression("${now()}"), Roles.ALL);
    create(ALL_OPEN, "全部在办案件的待办 Every open task of every case", 0,
        taskService.createTaskQuery().orderByDueDate().asc(), Roles.REGULATOR);
  }

  private TaskQuery mine() {
    return taskService.createTaskQuery()
        .or()
        .taskAssigneeExpression("${currentUser()}")
        .taskCandidateUserExpression("${currentUser()}")
        .taskCandidateGroupInExpression("${currentUserGroups()}")
        .endOr()
        .orderByDueDate().asc();
  }

  private void create(String name, String description, int priority, TaskQuery query, List<String> readers) {
    Map<String, Object> properties = Map.of("description", description, "priority", priority, "refresh", true,
        "variables", CASE_COLUMNS);
    Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      // a release that changes the cards' columns reaches the filters an earlier one created
      if (!properties.equals(existing.getProperties())) {
        existing.setProperties(properties);
        filterService.saveFilter(existing);
      }
      return;
    }
    Filter filter = filterService.newTaskFilter(name);
    filter.setQuery(query);
    filter.setProperties(properties);
    filterService.saveFilter(filter);
    for (String group : readers) {
      Authorization read = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      read.setGroupId(group);
      read.setResource(Resources.FILTER);
      read.setResourceId(filter.getId());
      read.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(read);
    }
  }
}
