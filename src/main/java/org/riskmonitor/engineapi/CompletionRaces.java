package org.riskmonitor.engineapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.riskmonitor.security.SystemContext;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Two people may work on the same task (members of one group) and press "complete" at the same
 * moment. The engine lets one win; the other fails with whatever the race produced: the task is
 * no longer found, an optimistic-locking failure, a deadlock, or the winner's commit having taken
 * away the loser's rights on the task, which REST reports as 403, 404 or 500. Told from the task's
 * history after the engine answered, the loser gets 409 and our message when the task has meanwhile
 * ended (or a lock conflict left it open), 404 when no such task ever existed.
 */
@Component
public class CompletionRaces {

  public static final String ALREADY_FINISHED =
      "该任务已由他人完成或已结束，请刷新任务列表 This task was already completed by someone else or has ended; refresh the task list";
  public static final String CHANGED_MEANWHILE =
      "该任务正被他人同时处理，请刷新后重试 Someone else changed this task at the same moment; refresh and try again";
  public static final String NO_SUCH_TASK = "任务不存在 No such task";

  /** The engine's codes for an optimistic-locking failure and a deadlock (BuiltinExceptionCode). */
  private static final Set<Integer> RACE_CODES = Set.of(1, 10_000);
  /** The engine's log code of an optimistic-locking failure, kept in the message REST wraps it in. */
  private static final String OPTIMISTIC_LOCKING_MESSAGE = "ENGINE-03005";
  private static final int WAIT_STEPS = 20;
  private static final long WAIT_MILLIS = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HistoryService historyService;
  private final IdentityService identityService;

  public CompletionRaces(HistoryService historyService, IdentityService identityService) {
    this.historyService = historyService;
    this.identityService = identityService;
  }

  /** The answer a failed completion gets instead of the engine's own: a status and a message. */
  public record Answer(HttpStatus status, String message) {
  }

  /** What to answer instead of the engine's failure, or empty to let the engine's answer stand. */
  public Optional<Answer> instead(String taskId, int status, byte[] engineAnswer) {
    if (status == HttpStatus.BAD_REQUEST.value() || status < 400) {
      return Optional.empty();
    }
    HistoricTaskInstance history = history(taskId);
    boolean race = isRace(engineAnswer);
    // a lock conflict may be reported before the other transaction has committed; REST reports an
    // optimistic-locking failure during a form's submission only as a 500 with the engine's message
    boolean mayBeRace = race || status >= HttpStatus.INTERNAL_SERVER_ERROR.value();
    for (int wait = 0; mayBeRace && history != null && !ended(history) && wait < WAIT_STEPS; wait++) {
      pause();
      history = history(taskId);
    }
    if (ended(history)) {
      return Optional.of(new Answer(HttpStatus.CONFLICT, ALREADY_FINISHED));
    }
    if (race) {
      return Optional.of(new Answer(HttpStatus.CONFLICT, CHANGED_MEANWHILE));
    }
    if (history == null && status != HttpStatus.FORBIDDEN.value() && status != HttpStatus.UNAUTHORIZED.value()) {
      return Optional.of(new Answer(HttpStatus.NOT_FOUND, NO_SUCH_TASK));
    }
    return Optional.empty();
  }

  private HistoricTaskInstance history(String taskId) {
    return SystemContext.asSystem(identityService,
        () -> historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult());
  }

  private static boolean ended(HistoricTaskInstance history) {
    return history != null && history.getEndTime() != null;
  }

  /** The engine's REST answer names the failure: an optimistic-locking failure or a deadlock. */
  private static boolean isRace(byte[] engineAnswer) {
    try {
      JsonNode answer = JSON.readTree(engineAnswer);
      return answer != null && ("OptimisticLockingException".equals(answer.path("type").asText())
          || RACE_CODES.contains(answer.path("code").asInt(0))
          || answer.path("message").asText().contains(OPTIMISTIC_LOCKING_MESSAGE));
    } catch (IOException notJson) {
      return false;
    }
  }

  private static void pause() {
    try {
      Thread.sleep(WAIT_MILLIS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
