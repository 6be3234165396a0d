package org.riskmonitor.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.riskmonitor.input.FormRefusal;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task or execution listener throws in a generic exception, which
 * REST reports as HTTP 500. This outermost interceptor, running after the transaction rolled
 * back, rethrows a {@link FormRefusal} as itself so the user gets a 400 and its message.
 * Before a task is completed it also refuses variables its form does not have: otherwise a
 * client could set any process variable (the case, the enterprise's group, the assigned expert)
 * alongside the form's own values. A Json value that is not JSON, or nested deeper than any form's,
 * is refused before the engine parses it: a parse failing inside the listener (Jackson stops at
 * 1,000 levels) reaches REST as a 500. Each refusal that reaches the caller is counted once.
 */
@Component
public class FormRefusalPlugin extends AbstractProcessEnginePlugin {

  /** Our deepest form value is a dynamic list, an array of rows of plain values: two levels. */
  private static final int MAX_JSON_NESTING = 16;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FormDefinitions forms;
  private final SubmissionRefusals refusals;

  /** Lazy: the engine is built before the beans the form definitions need. */
  public FormRefusalPlugin(@Lazy FormDefinitions forms, @Lazy SubmissionRefusals refusals) {
    this.forms = forms;
    this.refusals = refusals;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(0, new Unwrapping(configuration, forms, refusals));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  static final class Unwrapping extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;
    private final FormDefinitions forms;
    private final SubmissionRefusals refusals;

    Unwrapping(ProcessEngineConfigurationImpl configuration, FormDefinitions forms, SubmissionRefusals refusals) {
      this.configuration = configuration;
      this.forms = forms;
      this.refusals = refusals;
    }

    @Override
    public <T> T execute(Command<T> command) {
      // a command run inside another one (a listener calling a service) passes here too; the
      // refusal is counted where it leaves the engine
      boolean outermost = Context.getCommandContext() == null;
      try {
        if (TaskCompletions.isCompletion(command)) {
          refuseVariablesNotOnTheForm(command);
        }
        return next.execute(command);
      } catch (RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
          if (cause instanceof FormRefusal refusal) {
            if (outermost) {
              refusals.count();
            }
            throw refusal;
          }
        }
        throw e;
      }
    }

    private void refuseVariablesNotOnTheForm(Command<?> command) {
      String taskId = TaskCompletions.taskId(command);
      String[] form = taskId == null ? null : configuration.getCommandExecutorTxRequired().execute(context -> {
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null || task.getProcessDefinitionId() == null) {
          return null;
        }
        BaseElement element = task.getBpmnModelElementInstance();
        return new String[] {element.getAttributeValueNs(FormDefinitions.CAMUNDA_NS, "formRef"),
            element.getAttributeValueNs(FormDefinitions.CAMUNDA_NS, "formKey")};
      });
      // a task that is gone is reported by the command itself
      if (form == null || (form[0] == null && form[1] == null)) {
        return;
      }
      Map<String, Object> submitted = TaskCompletions.variables(command);
      Set<String> unknown = new TreeSet<>(submitted.keySet());
      unknown.removeAll(forms.submittable(form[0], form[1]));
      if (!unknown.isEmpty()) {
        throw new FormRefusal("表单中没有这些字段 Fields not on the form: "
            + String.join(", ", unknown.stream().map(FormRefusalPlugin::shortened).toList()));
      }
      // no form field holds a serialized Java or XML object; the engine would refuse it with a 500
      for (String key : submitted.keySet()) {
        Object value = submitted instanceof VariableMap typed ? typed.getValueTyped(key) : submitted.get(key);
        if (value instanceof ObjectValue) {
          throw new FormRefusal(shortened(key) + "：不接受对象类型的值 object values are not accepted");
        }
        if (value instanceof SerializableValue serialized && !serialized.isDeserialized()) {
          refuseUnreadableJson(key, serialized.getValueSerialized());
        }
      }
    }
  }

  private static void refuseUnreadableJson(String key, String json) {
    if (json == null) {
      return;
    }
    if (nesting(json) > MAX_JSON_NESTING) {
      throw new FormRefusal(shortened(key) + "：嵌套层数超过" + MAX_JSON_NESTING + "层 nested more than "
          + MAX_JSON_NESTING + " levels deep");
    }
    try {
      JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new FormRefusal(shortened(key) + "：不是有效的JSON not valid JSON");
    }
  }

  /** The deepest nesting of arrays and objects in a JSON text, counted without parsing it. */
  private static int nesting(String json) {
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        deepest = Math.max(deepest, ++depth);
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return deepest;
  }

  /** A name as sent, cut short: it is the client's, and may be anything. */
  private static String shortened(String name) {
    return name.length() > 40 ? name.substring(0, 40) + "…" : name;
  }
}
