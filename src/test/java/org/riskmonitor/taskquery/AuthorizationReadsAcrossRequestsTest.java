package org.riskmonitor.taskquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What a node keeps of the authorizations, groups and memberships across read-only requests is asked
 * again once any of them changes, whoever changed it; the grants the engine writes on one task do
 * not make it ask.
 * No case is opened here: the browser tests' Tasklist lists share this database.
 */
class AuthorizationReadsAcrossRequestsTest extends RiskMonitorTest {

  @Autowired
  private CaseWalker walker;

  @Autowired
  private ReadOnlyRequestAuthorizationReads readOnlyRequest;

  @Autowired
  private TasklistTaskMapper mapper;

  /**
   * Another node, or an administrator's SQL, writes the revoke: the filter's READ, which this node
   * answered from what it kept, is asked again at the next request and the filter refused.
   */
  @Test
  void aRevokeWrittenOutsideThisNode_takesEffectAtTheNextRequest() throws Exception {
    Filter mine = walker.as("enterprise1", () -> engine.getFilterService().createFilterQuery().list()).get(0);
    assertThat(inReadOnlyRequest(() -> tasks(mine))).as("before the revoke").isNotNull();
    assertThat(inReadOnlyRequest(() -> tasks(mine))).as("a second request, from what was kept").isNotNull();
    String revoke = "rm-test-revoke-" + mine.getId();
    jdbc.update("INSERT INTO ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_) "
        + "VALUES (?, 1, ?, 'enterprise1', ?, ?, ?)", revoke, Authorization.AUTH_TYPE_REVOKE,
        Resources.FILTER.resourceType(), mine.getId(), ~Permissions.READ.getValue());
    try {
      assertThatThrownBy(() -> inReadOnlyRequest(() -> tasks(mine))).as("the next request, after the revoke")
          .isInstanceOf(AuthorizationException.class).hasMessageContaining(mine.getId());
    } finally {
      jdbc.update("DELETE FROM ACT_RU_AUTHORIZATION WHERE ID_ = ?", revoke);
    }
    assertThat(inReadOnlyRequest(() -> tasks(mine))).as("after the revoke is gone").isNotNull();
  }

  /**
   * The engine grants each candidate group and assignee its task: were those grants to advance
   * the version, nothing would stay kept while cases move. Any other authorization advances it.
   */
  @Test
  void theAuthorizationVersion_standsThroughGrantsOnOneTask_andAdvancesWithAnyOther() {
    long before = mapper.authorizationVersion();
    Task task = engine.getTaskService().newTask();
    task.setName("版本测试 Version test");
    task.setAssignee("rm-test-version-user");
    engine.getTaskService().saveTask(task);
    engine.getTaskService().addCandidateGroup(task.getId(), "rm-test-version-group");
    int grants = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_ID_ = ?", Integer.class,
        task.getId());
    engine.getTaskService().deleteTask(task.getId(), true);
    assertThat(grants).as("the engine's grants on the task").isGreaterThanOrEqualTo(2);
    assertThat(mapper.authorizationVersion()).as("after the task's grants were written and deleted").isEqualTo(before);

    Authorization grant = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId("enterprise1");
    grant.setResource(Resources.FILTER);
    grant.setResourceId("rm-test-filter");
    grant.addPermission(Permissions.READ);
    engine.getAuthorizationService().saveAuthorization(grant);
    long granted = mapper.authorizationVersion();
    engine.getAuthorizationService().deleteAuthorization(grant.getId());
    assertThat(granted).as("after a grant on a filter").isGreaterThan(before);
    assertThat(mapper.authorizationVersion()).as("after its delete").isGreaterThan(granted);
  }

  /**
   * A user's groups, kept across requests, follow a membership removed and a group renamed by SQL
   * between two requests: the next request reads them again.
   */
  @Test
  void aMembershipOrGroupChangedOutsideThisNode_showsAtTheNextRequest() throws Exception {
    assertThat(inReadOnlyRequest(() -> groupsOfEnterprise1())).as("before")
        .anyMatch(group -> group.startsWith(Roles.ENTERPRISES + "="));
    assertThat(inReadOnlyRequest(() -> groupsOfEnterprise1())).as("a second request, from what was kept")
        .anyMatch(group -> group.startsWith(Roles.ENTERPRISES + "="));
    jdbc.update("DELETE FROM ACT_ID_MEMBERSHIP WHERE USER_ID_ = 'enterprise1' AND GROUP_ID_ = ?", Roles.ENTERPRISES);
    try {
      assertThat(inReadOnlyRequest(() -> groupsOfEnterprise1())).as("after the membership's removal")
          .noneMatch(group -> group.startsWith(Roles.ENTERPRISES + "="));
    } finally {
      jdbc.update("INSERT INTO ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) VALUES ('enterprise1', ?)", Roles.ENTERPRISES);
    }
    String name = jdbc.queryForObject("SELECT NAME_ FROM ACT_ID_GROUP WHERE ID_ = ?", String.class, Roles.ENTERPRISES);
    jdbc.update("UPDATE ACT_ID_GROUP SET NAME_ = ? WHERE ID_ = ?", "改名 Renamed", Roles.ENTERPRISES);
    try {
      assertThat(inReadOnlyRequest(() -> groupsOfEnterprise1())).as("after the group's new name")
          .contains(Roles.ENTERPRISES + "=改名 Renamed");
    } finally {
      jdbc.update("UPDATE ACT_ID_GROUP SET NAME_ = ? WHERE ID_ = ?", name, Roles.ENTERPRISES);
    }
    assertThat(inReadOnlyRequest(() -> groupsOfEnterprise1())).as("all restored").contains(Roles.ENTERPRISES + "=" + name);
  }

  private List<String> groupsOfEnterprise1() {
    return walker.as("enterprise1", () -> engine.getIdentityService().createGroupQuery().groupMember("enterprise1").list())
        .stream().map(group -> group.getId() + "=" + group.getName()).toList();
  }

  private List<Task> tasks(Filter filter) {
    return walker.as("enterprise1", () -> engine.getFilterService().listPage(filter.getId(),
        engine.getTaskService().createTaskQuery().active(), 0, 15));
  }

  private <T> T inReadOnlyRequest(Supplier<T> work) throws Exception {
    List<T> answers = new ArrayList<>();
    readOnlyRequest.doFilter(new MockHttpServletRequest("POST", "/engine-rest/filter/list"), new MockHttpServletResponse(),
        (request, response) -> answers.add(work.get()));
    return answers.get(0);
  }
}
