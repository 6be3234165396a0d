package org.riskmonitor.engineapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.laboratory.LimsTopics;
import org.riskmonitor.laboratory.LimsTopics.Step;
import org.riskmonitor.security.SystemContext;
import org.springframework.stereotype.Component;

/**
 * A lab's LIMS calls the engine's external-task API with the lab's technical user. The engine lets
 * it at its own lab's tasks only (see LabSystem); these checks hold each call to the contract of
 * {@link LimsTopics} besides: it fetches only LIMS topics and names the variables it reads, which
 * must be the step's (a task's other variables, and filters on them, stay closed); it sends only
 * the step's variables and errors; and it retries a failing task a bounded number of times, each
 * failure lowering the retries, so a broken LIMS ends in an incident in Cockpit, not in a loop.
 */
@Component
public class LimsCalls {

  static final String FETCH = "POST /external-task/fetchAndLock";
  static final String COMPLETE = "POST /external-task/{id}/complete";
  static final String ERROR = "POST /external-task/{id}/bpmnError";
  static final String FAILURE = "POST /external-task/{id}/failure";
  static final String EXTEND_LOCK = "POST /external-task/{id}/extendLock";
  /** Retries a LIMS may give a task at its first failure; each later failure must give fewer. */
  public static final int MAX_RETRIES = 3;
  /** The longest a LIMS may wait before a failed task is offered again: a day. */
  static final long MAX_RETRY_TIMEOUT_MS = 24L * 60 * 60 * 1000;
  /** A report PDF at the largest document size, in base64, with the rest of the body. */
  static final int BODY_LIMIT = 32 * 1024 * 1024;
  private static final Set<String> FETCH_KEYS = Set.of("workerId", "maxTasks", "usePriority", "asyncResponseTimeout",
      "topics", "sorting");
  private static final Set<String> TOPIC_KEYS = Set.of("topicName", "lockDuration", "variables", "localVariables",
      "deserializeValues", "includeExtensionProperties", "businessKey", "processDefinitionKey",
      "processDefinitionKeyIn", "processDefinitionId", "processDefinitionIdIn", "processDefinitionVersionTag",
      "withoutTenantId", "tenantIdIn");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ExternalTaskService externalTasks;
  private final IdentityService identityService;

  public LimsCalls(ExternalTaskService externalTasks, IdentityService identityService) {
    this.externalTasks = externalTasks;
    this.identityService = identityService;
  }

  /** Why the call is refused, or empty if the engine may have it. */
  public Optional<String> refusal(String operation, Map<String, String> parameters, byte[] body) {
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (IOException notJson) {
      return Optional.of("请求体应为JSON The request body must be JSON");
    }
    if (json == null || !json.isObject()) {
      return Optional.of("请求体应为JSON对象 The request body must be a JSON object");
    }
    if (FETCH.equals(operation)) {
      return fetchRefusal(json);
    }
    // what the engine would otherwise answer with 500 (a value it requires is null)
    if (!json.path("workerId").isTextual() || json.path("workerId").asText().isBlank()) {
      return Optional.of("workerId：必填 required");
    }
    if (ERROR.equals(operation) && !json.path("errorCode").isTextual()) {
      return Optional.of("errorCode：必填 required");
    }
    if (EXTEND_LOCK.equals(operation) && (!json.path("newDuration").canConvertToLong()
        || json.path("newDuration").asLong() <= 0)) {
      return Optional.of("newDuration：应为正整数（毫秒） must be a positive number of milliseconds");
    }
    ExternalTask task = SystemContext.asSystem(identityService,
        () -> externalTasks.createExternalTaskQuery().externalTaskId(parameters.get("id")).singleResult());
    if (task == null) {
      // the engine answers an unknown task as it does to everyone
      return Optional.empty();
    }
    Optional<Step> step = LimsTopics.stepOf(task.getTopicName());
    if (step.isEmpty()) {
      return Optional.of("此任务不属于LIMS This task is not a LIMS task");
    }
    return switch (operation) {
      case COMPLETE -> sentRefusal(json, step.get(), "variables", "localVariables");
      case ERROR -> step.get().errorCodes().contains(json.path("errorCode").asText())
          ? sentRefusal(json, step.get(), "variables")
          : Optional.of("错误代码 errorCode：此步骤只接受 this step takes only " + step.get().errorCodes());
      case FAILURE -> failureRefusal(json, task);
      default -> Optional.empty();
    };
  }

  /** Whether the call may run one of our listeners, whose refusal the engine's REST answers with 500. */
  public boolean checksSubmission(String operation) {
    return COMPLETE.equals(operation) || ERROR.equals(operation);
  }

  /**
   * The refusal our listeners gave a LIMS's submission: the engine's REST resources for external
   * tasks answer it as an error of the server (500, type {@code FormRefusal}); it is the LIMS's.
   */
  public Optional<String> submissionRefused(int status, byte[] answer) {
    if (status != 500) {
      return Optional.empty();
    }
    try {
      JsonNode json = JSON.readTree(answer);
      return json != null && FormRefusal.class.getSimpleName().equals(json.path("type").asText())
          ? Optional.of(json.path("message").asText()) : Optional.empty();
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }

  private static Optional<String> fetchRefusal(JsonNode json) {
    List<String> problems = new ArrayList<>();
    unknownKeys(json, FETCH_KEYS).forEach(key -> problems.add("不支持的参数 Parameter not offered to a LIMS: " + key));
    if (!json.path("workerId").isTextual() || json.path("workerId").asText().isBlank()) {
      problems.add("workerId：必填 required");
    }
    JsonNode topics = json.path("topics");
    if (!topics.isArray() || topics.isEmpty()) {
      problems.add("topics：必填 required");
    }
    for (JsonNode topic : topics) {
      String name = topic.path("topicName").asText();
      Optional<Step> step = LimsTopics.stepOf(name);
      if (step.isEmpty()) {
        problems.add("主题 topic " + name + "：不是LIMS主题 not a LIMS topic");
        continue;
      }
      unknownKeys(topic, TOPIC_KEYS).forEach(key -> problems.add("主题 topic " + name
          + "：不支持的参数 parameter not offered to a LIMS: " + key));
      JsonNode variables = topic.path("variables");
      if (!variables.isArray()) {
        problems.add("主题 topic " + name + "：须列出要读取的变量 variables must list what is read, of "
            + sorted(step.get().readable()));
        continue;
      }
      for (JsonNode variable : variables) {
        if (!step.get().readable().contains(variable.asText())) {
          problems.add("主题 topic " + name + "：不可读取变量 variable not readable: " + variable.asText());
        }
      }
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  /** The variables a completion or an error sends must be the step's. */
  private static Optional<String> sentRefusal(JsonNode json, Step step, String... fields) {
    List<String> refused = new ArrayList<>();
    for (String field : fields) {
      JsonNode variables = json.path(field);
      if (variables.isObject()) {
        variables.fieldNames().forEachRemaining(name -> {
          if (!step.submittable().contains(name)) {
            refused.add(name);
          }
        });
      } else if (!variables.isMissingNode() && !variables.isNull()) {
        refused.add(field);
      }
    }
    return refused.isEmpty() ? Optional.empty()
        : Optional.of("此步骤不接受变量 This step does not take the variables " + refused + "; it takes "
            + sorted(step.submittable()));
  }

  private static Optional<String> failureRefusal(JsonNode json, ExternalTask task) {
    int allowed = task.getRetries() == null ? MAX_RETRIES : Math.max(0, task.getRetries() - 1);
    JsonNode retries = json.path("retries");
    if (!retries.isInt() || retries.asInt() < 0 || retries.asInt() > allowed) {
      return Optional.of("重试次数 retries：应为0至" + allowed + "的整数 must be a whole number from 0 to " + allowed
          + " (at most " + MAX_RETRIES + " at the first failure, fewer at each later one)");
    }
    JsonNode timeout = json.path("retryTimeout");
    if (!timeout.isMissingNode() && !timeout.isNull()
        && (!timeout.canConvertToLong() || timeout.asLong() < 0 || timeout.asLong() > MAX_RETRY_TIMEOUT_MS)) {
      return Optional.of("重试间隔 retryTimeout：应为0至" + MAX_RETRY_TIMEOUT_MS + "毫秒 must be 0 to "
          + MAX_RETRY_TIMEOUT_MS + " ms");
    }
    return Optional.empty();
  }

  private static List<String> unknownKeys(JsonNode object, Set<String> known) {
    List<String> unknown = new ArrayList<>();
    object.fields().forEachRemaining(field -> {
      JsonNode value = field.getValue();
      if (!known.contains(field.getKey()) && !value.isNull() && !(value.isContainerNode() && value.isEmpty())) {
        unknown.add(field.getKey());
      }
    });
    return unknown;
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}
