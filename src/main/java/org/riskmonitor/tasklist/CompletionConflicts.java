package org.riskmonitor.tasklist;

import jakarta.ws.rs.core.Response.Status;
import java.util.ArrayList;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.riskmonitor.form.TaskCompletions;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * Two people may work on the same task (members of one group) and press "complete" at the same
 * moment. The engine lets one win; the other fails with whatever the race produced: the task is
 * no longer found, an optimistic-locking failure, or a database lock error, all of which REST
 * reports as HTTP 500. This interceptor, outside the transaction, tells the loser what happened:
 * 409 with our message when the task has meanwhile ended (or a lock conflict left it open), 404
 * when no such task ever existed.
 * Both REST APIs (ours and the one Tasklist calls) map a {@link RestException} to its status.
 */
@Component
public class CompletionConflicts extends AbstractProcessEnginePlugin {

  public static final String ALREADY_FINISHED =
      "该任务已由他人完成或已结束，请刷新任务列表 This task was already completed by someone else or has ended; refresh the task list";
  public static final String CHANGED_MEANWHILE =
      "该任务正被他人同时处理，请刷新后重试 Someone else changed this task at the same moment; refresh and try again";
  public static final String NO_SUCH_TASK = "任务不存在 No such task";

  private static final int RACE_WAIT_STEPS = 20;
  private static final long RACE_WAIT_MILLIS = 100;
  private static final Set<Integer> RACE_CODES =
      Set.of(BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode(), BuiltinExceptionCode.DEADLOCK.getCode());

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(0, new Refusing(configuration));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  static final class Refusing extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    Refusing(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (!TaskCompletions.isCompletion(command)) {
        return next.execute(command);
      }
      String taskId = TaskCompletions.taskId(command);
      try {
        return next.execute(command);
      } catch (FormFieldValidationException e) {
        throw e;
      } catch (RuntimeException e) {
        // this command rolled back, so a history entry that ended was ended by someone else
        HistoricTaskInstanceEntity history = history(taskId);
        // the winner's commit also removes the task's authorizations, so the loser may be refused those
        if (e instanceof AuthorizationException && !ended(history)) {
          throw e;
        }
        if (history == null && e instanceof NullValueException) {
          throw new RestException(Status.NOT_FOUND, NO_SUCH_TASK);
        }
        // a lock conflict may be reported before the other transaction has committed
        for (int wait = 0; isRace(e) && !ended(history) && wait < RACE_WAIT_STEPS; wait++) {
          pause();
          history = history(taskId);
        }
        if (ended(history)) {
          throw new RestException(Status.CONFLICT, ALREADY_FINISHED);
        }
        if (isRace(e)) {
          throw new RestException(Status.CONFLICT, CHANGED_MEANWHILE);
        }
        throw e;
      }
    }

    private HistoricTaskInstanceEntity history(String taskId) {
      return configuration.getCommandExecutorTxRequired()
          .execute(context -> context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId));
    }

    private static boolean ended(HistoricTaskInstanceEntity history) {
      return history != null && history.getEndTime() != null;
    }

    /** Optimistic locking, a deadlock or a lock timeout: another transaction held what this one needed. */
    private static boolean isRace(Throwable failure) {
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        if (cause instanceof OptimisticLockingException || cause instanceof SQLTransactionRollbackException
            || cause instanceof SQLTimeoutException || cause instanceof ConcurrencyFailureException
            || (cause instanceof ProcessEngineException engine && RACE_CODES.contains(engine.getCode()))) {
          return true;
        }
      }
      return false;
    }

    private static void pause() {
      try {
        Thread.sleep(RACE_WAIT_MILLIS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
