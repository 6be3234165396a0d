package org.riskmonitor.engineapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.riskmonitor.security.SystemContext;
import org.springframework.stereotype.Component;

/**
 * The two password operations every user may call answer a missing or weak password with HTTP
 * 500 from the engine's REST resources; they are checked here first and refused with 400 and the
 * rules the password breaks, in the words of the policy.
 */
@Component
public class PasswordChecks {

  static final String CHANGE = "PUT /user/{id}/credentials";
  static final String CHECK = "POST /identity/password-policy";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IdentityService identityService;

  public PasswordChecks(IdentityService identityService) {
    this.identityService = identityService;
  }

  public boolean applies(String operation) {
    return CHANGE.equals(operation) || CHECK.equals(operation);
  }

  /** Why the body is refused, or empty if the engine may have it. */
  public Optional<String> refusal(String operation, String userId, byte[] body) {
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (IOException notJson) {
      return Optional.of("请求体应为JSON The request body must be JSON");
    }
    if (json == null || !json.path("password").isTextual()) {
      return Optional.of("密码 password：必填 required");
    }
    if (CHECK.equals(operation)) {
      return Optional.empty();
    }
    if (!json.path("authenticatedUserPassword").isTextual()) {
      return Optional.of("当前密码 authenticatedUserPassword：必填 required");
    }
    User user = SystemContext.asSystem(identityService,
        () -> identityService.createUserQuery().userId(userId).singleResult());
    PasswordPolicyResult result = identityService.checkPasswordAgainstPolicy(json.path("password").asText(), user);
    if (result.isValid()) {
      return Optional.empty();
    }
    return Optional.of("新密码不符合密码规则 The new password breaks the password rules: " + result.getViolatedRules()
        .stream().map(rule -> rule.getPlaceholder() + rule.getParameters()).collect(Collectors.joining(", ")));
  }
}
