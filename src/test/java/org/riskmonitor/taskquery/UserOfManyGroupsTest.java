package org.riskmonitor.taskquery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A user of more groups than are checked unread ({@link GrantAwareAuthorizationManager}) has its
 * groups cut to those holding authorizations, as the engine cuts them: every filter answers as the
 * engine's statement does. No case is opened here: the browser tests' Tasklist lists share this database.
 */
class UserOfManyGroupsTest extends RiskMonitorTest {

  @Autowired
  private CaseWalker walker;

  @Autowired
  private TaskQueryMapping mapping;

  @Test
  void aUserOfManyGroups_seesInEveryFilterWhatTheEngineShows() {
    IdentityService identity = engine.getIdentityService();
    String userId = "manygroups" + System.nanoTime() % 100000;
    User user = identity.newUser(userId);
    user.setPassword("Correct-Horse-7!");
    identity.saveUser(user);
    for (Group group : identity.createGroupQuery().groupMember("enterprise1").list()) {
      identity.createMembership(userId, group.getId());
    }
    for (int i = 0; i <= GrantAwareAuthorizationManager.GROUPS_CHECKED_AS_GIVEN; i++) {
      Group group = identity.newGroup(userId + "g" + i);
      group.setName("测试组 Test group " + i);
      identity.saveGroup(group);
      identity.createMembership(userId, group.getId());
    }
    assertThat(identity.createGroupQuery().groupMember(userId).count())
        .isGreaterThan(GrantAwareAuthorizationManager.GROUPS_CHECKED_AS_GIVEN);

    // a task offered to the enterprise's group, which the user must see through one of its many groups
    String enterpriseGroup = identity.createGroupQuery().groupMember("enterprise1").list().stream().map(Group::getId)
        .filter(id -> !id.equals(Roles.ENTERPRISES)).findFirst().orElseThrow();
    Task offered = engine.getTaskService().newTask();
    offered.setName("多组测试 Many groups test");
    engine.getTaskService().saveTask(offered);
    engine.getTaskService().addCandidateGroup(offered.getId(), enterpriseGroup);
    try {
      List<Filter> filters = walker.as(userId, () -> engine.getFilterService().createFilterQuery().list());
      assertThat(filters).as("the enterprise's filters").isNotEmpty();
      assertThat(filters.stream().flatMap(filter -> tasks(userId, filter).stream()))
          .as("the task offered to the enterprise's group, in some filter").contains(offered.getId());
      everyFilterAsTheEngine(userId, filters);
    } finally {
      engine.getTaskService().deleteTask(offered.getId(), true);
      // the enterprise's group is shared with the other tests (its members are mailed)
      identity.deleteUser(userId);
      for (int i = 0; i <= GrantAwareAuthorizationManager.GROUPS_CHECKED_AS_GIVEN; i++) {
        identity.deleteGroup(userId + "g" + i);
      }
    }
  }

  private void everyFilterAsTheEngine(String userId, List<Filter> filters) {
    for (Filter filter : filters) {
      long before = mapping.ownQueries();
      List<String> ours = tasks(userId, filter);
      long ourCount = walker.as(userId, () -> engine.getFilterService().count(filter.getId()));
      assertThat(mapping.ownQueries() - before).as("%s by our mapping", filter.getName()).isEqualTo(2);
      mapping.setEnabled(false);
      try {
        assertThat(ours).as("%s's tasks", filter.getName()).containsExactlyInAnyOrderElementsOf(tasks(userId, filter));
        assertThat(ourCount).as("%s's count", filter.getName())
            .isEqualTo(walker.as(userId, () -> engine.getFilterService().count(filter.getId())));
      } finally {
        mapping.setEnabled(true);
      }
    }
  }

  private List<String> tasks(String userId, Filter filter) {
    return walker.as(userId, () -> engine.getFilterService().<Task>list(filter.getId())).stream().map(Task::getId).toList();
  }
}
