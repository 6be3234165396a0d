package org.riskmonitor.engineapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.riskmonitor.audit.AuditTrail;
import org.riskmonitor.security.SystemContext;
import org.springframework.stereotype.Component;

/**
 * Every engine API call the allow-list refused, in the audit trail: who tried what, and on which
 * case when the call named a task or a process instance of one.
 */
@Component
public class RefusedCalls {

  static final String ACTION = "refused-engine-api-call";
  private static final int MAX_PATH = 500;

  private final AuditTrail audit;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  public RefusedCalls(AuditTrail audit, TaskService taskService, RuntimeService runtimeService,
                      IdentityService identityService) {
    this.audit = audit;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  public void record(String userId, String method, String path, String operation, Map<String, String> parameters) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("method", method);
    detail.put("path", path.length() > MAX_PATH ? path.substring(0, MAX_PATH) + "…" : path);
    detail.put("operation", operation == null ? "unknown" : operation);
    audit.record(caseOf(operation, parameters), ACTION, userId, detail);
  }

  private Long caseOf(String operation, Map<String, String> parameters) {
    String id = parameters.get("id");
    if (operation == null || id == null) {
      return null;
    }
    String template = operation.substring(operation.indexOf(' ') + 1);
    try {
      Object caseId = SystemContext.asSystem(identityService, () -> {
        if (template.startsWith("/task/")) {
          return taskService.createTaskQuery().taskId(id).count() == 0 ? null : taskService.getVariable(id, "caseId");
        }
        if (List.of("/process-instance/", "/execution/").stream().anyMatch(template::startsWith)) {
          return runtimeService.createExecutionQuery().executionId(id).count() == 0 ? null
              : runtimeService.getVariable(id, "caseId");
        }
        return null;
      });
      return caseId instanceof Number number ? number.longValue() : null;
    } catch (ProcessEngineException notACase) {
      return null;
    }
  }
}
