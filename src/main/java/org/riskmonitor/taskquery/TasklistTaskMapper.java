package org.riskmonitor.taskquery;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * Reads the engine's task, identity-link and authorization tables for our mapping of Tasklist's
 * task queries. The SQL is in TasklistTaskMapper.xml beside this interface.
 */
@Mapper
public interface TasklistTaskMapper {

  /** A task's place in a list: its id and the values lists are sorted by. */
  record ListedTask(String id, java.util.Date dueDate, java.util.Date createTime) {
  }

  /** An authorization of a user, its groups or everyone that is not about one task. */
  record BroadAuthorization(int type, int resourceType, String resourceId, int permissions) {
  }

  /**
   * A task's place in an offer's list, and whether the offer lacks its own grant (where the
   * statement left the check out: see {@link #offersListedTogether}).
   */
  record ListedOffer(String id, java.util.Date dueDate, java.util.Date createTime, boolean withoutOwnGrant) {

    ListedTask task() {
      return new ListedTask(id, dueDate, createTime);
    }
  }

  /**
   * The tasks offered to one grantee of the offer at {@code position} of a list of offers, and how
   * many of those offers lack their own grant (where the statement left the check out).
   */
  record OfferCount(int position, long counted, long withoutOwnGrant) {
  }

  /** A grant of a user or group on one task, and its permissions. */
  record TaskGrant(String taskId, int permissions) {
  }

  /** The first {@code limit} tasks of one branch of a selection, in the selection's order. */
  List<ListedTask> listed(@Param("selection") TaskSelection selection, @Param("branch") TaskSelection.Branch branch,
                          @Param("limit") Integer limit);

  long counted(@Param("selection") TaskSelection selection, @Param("branch") TaskSelection.Branch branch);

  /**
   * The first {@code limit} tasks of each offer (each offered to one grantee), in the selection's
   * order per offer. With {@code ownGrantsOnly}, the grant check is left out and each task says
   * whether its offer lacks its own grant: where none does, these are the visible tasks' first.
   */
  List<ListedOffer> offersListedTogether(@Param("selection") TaskSelection selection,
                                         @Param("offers") List<TaskSelection.Offer> offers, @Param("limit") Integer limit,
                                         @Param("ownGrantsOnly") boolean ownGrantsOnly);

  /** The tasks of these offers, each once. */
  long offersCounted(@Param("selection") TaskSelection selection, @Param("offer") TaskSelection.Offer offer);

  /** The tasks offered to each grantee of each offer that has any: a row per such grantee, named by the offer's place. */
  List<OfferCount> offersCountedTogether(@Param("selection") TaskSelection selection,
                                         @Param("offers") List<TaskSelection.Offer> offers,
                                         @Param("ownGrantsOnly") boolean ownGrantsOnly);

  /** Which of these groups hold any authorization (the engine checks only those groups); null for the others. */
  List<String> groupsWithAuthorizations(@Param("groups") Collection<String> groupIds);

  /**
   * The grants of the user and its groups that are not about one task or one instance: those on
   * definitions, and the wildcard grants on the other resource types.
   */
  List<BroadAuthorization> broadAuthorizations(@Param("userId") String userId, @Param("groups") Collection<String> groupIds,
                                               @Param("definitionType") int definitionResourceType,
                                               @Param("wildcardTypes") Collection<Integer> wildcardResourceTypes);

  /**
   * Those of the given resource types on which a revoke of the user or its groups, or an
   * authorization for everyone, exists for any resource: there the engine's checks depend on more
   * than whether a grant exists.
   */
  List<Integer> restrictedResourceTypes(@Param("userId") String userId, @Param("groups") Collection<String> groupIds,
                         @Param("resourceTypes") Collection<Integer> resourceTypes);

  /** The authorization version (RM_AUTHORIZATION_VERSION): it advances with every authorization not granted on one task. */
  long authorizationVersion();

  /** The grants of the user and its groups on these tasks (of the task resource type given). */
  List<TaskGrant> grantsOnTasks(@Param("userId") String userId, @Param("groups") Collection<String> groupIds,
                                @Param("tasks") Collection<String> taskIds, @Param("taskType") int taskResourceType);
}
