package org.riskmonitor.form;

import java.lang.reflect.Field;
import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * The engine's two commands that finish a user task (complete, and submit its form), seen from a
 * command interceptor: which task they name and which variables they bring. The engine keeps both
 * in fields without getters; a test of every path fails if an engine upgrade renames them.
 */
public final class TaskCompletions {

  private TaskCompletions() {
  }

  public static boolean isCompletion(Command<?> command) {
    return command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd;
  }

  public static String taskId(Command<?> command) {
    return (String) field(command, "taskId");
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> variables(Command<?> command) {
    Object variables = field(command, command instanceof CompleteTaskCmd ? "variables" : "properties");
    return variables == null ? Map.of() : (Map<String, Object>) variables;
  }

  private static Object field(Command<?> command, String name) {
    Class<?> type = command instanceof CompleteTaskCmd ? CompleteTaskCmd.class : SubmitTaskFormCmd.class;
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field.get(command);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the engine's task completion commands changed", e);
    }
  }
}
