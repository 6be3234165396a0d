package org.riskmonitor.enterprise;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.riskmonitor.audit.AuditTrail;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.security.Roles;
import org.riskmonitor.security.SystemContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coordinator registers an enterprise and its first user: the enterprise's group, the user in
 * it and in {@code enterprises} (Tasklist and its filters), with a one-time password that is
 * shown once and never stored in clear. Taking a user out of the enterprise's group also takes
 * back the tasks they had claimed, so no access is left behind.
 */
@Service
public class Onboarding {

  public record Registration(String uscc, String name, String address, String districtCode, String industrialCluster,
                             Boolean usccCheckOverride, String userId, String lastName, String firstName, String email) {
  }

  public record Credentials(Enterprise enterprise, String userId, String oneTimePassword) {
  }

  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private final EnterpriseRegistry registry;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final AuditTrail audit;
  private final SecureRandom random = new SecureRandom();

  public Onboarding(AuditTrail audit, EnterpriseRegistry registry, IdentityService identityService, TaskService taskService,
                    AuthorizationService authorizationService) {
    this.audit = audit;
    this.registry = registry;
    this.identityService = identityService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  /** Callers check that the acting user is a coordinator; the identity writes run as the system. */
  @Transactional
  public Credentials register(Registration r, String coordinatorId) {
    return SystemContext.asSystem(identityService, () -> create(r, coordinatorId));
  }

  private Credentials create(Registration r, String coordinatorId) {
    if (r.userId() == null || !r.userId().matches("[a-zA-Z0-9]{3,40}")) {
      throw new FormRefusal("登录名 User id：3–40位字母或数字 3–40 letters or digits");
    }
    if (identityService.createUserQuery().userId(r.userId()).count() > 0) {
      throw new FormRefusal("登录名已被使用 User id already taken: " + r.userId());
    }
    List<String> problems = new ArrayList<>();
    EnterpriseRegistry.checkText(problems, "姓 Last name", r.lastName(), true, 50);
    EnterpriseRegistry.checkText(problems, "名 First name", r.firstName(), true, 50);
    EnterpriseRegistry.checkText(problems, "电子邮箱 Email", r.email(), false, 100);
    if (r.email() != null && !r.email().isBlank() && !r.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      problems.add("电子邮箱 Email：格式不正确 wrong format");
    }
    if (!problems.isEmpty()) {
      throw new FormRefusal(problems);
    }
    Enterprise enterprise = registry.register(r.uscc(), r.name(), r.address(), r.districtCode(), r.industrialCluster(),
        Boolean.TRUE.equals(r.usccCheckOverride()) ? coordinatorId : null);
    String password = oneTimePassword();
    User user = identityService.newUser(r.userId());
    user.setLastName(r.lastName());
    user.setFirstName(r.firstName());
    user.setEmail(r.email());
    user.setPassword(password);
    identityService.saveUser(user);
    identityService.createMembership(r.userId(), Roles.ENTERPRISES);
    identityService.createMembership(r.userId(), enterprise.groupId());
    audit.record(null, "register-enterprise", coordinatorId, Map.of("uscc", r.uscc(), "name", r.name(),
        "userId", r.userId(), "usccCheckOverridden", Boolean.TRUE.equals(r.usccCheckOverride())));
    return new Credentials(enterprise, r.userId(), password);
  }

  /** Removes the user from the enterprise; tasks they had claimed go back to the enterprise's list. */
  @Transactional
  public void removeMember(String userId, String enterpriseGroupId, String coordinatorId) {
    SystemContext.asSystem(identityService, () -> {
      revoke(userId, enterpriseGroupId);
      return null;
    });
    audit.record(null, "remove-member", coordinatorId, Map.of("userId", userId, "group", enterpriseGroupId));
  }

  private void revoke(String userId, String enterpriseGroupId) {
    identityService.deleteMembership(userId, enterpriseGroupId);
    List<Task> claimed = taskService.createTaskQuery().taskAssignee(userId).taskCandidateGroup(enterpriseGroupId)
        .includeAssignedTasks().list();
    for (Task task : claimed) {
      taskService.setAssignee(task.getId(), null);
      authorizationService.createAuthorizationQuery().userIdIn(userId).resourceType(Resources.TASK)
          .resourceId(task.getId()).list().forEach(a -> authorizationService.deleteAuthorization(a.getId()));
    }
  }

  /** 16 characters with upper and lower case, digits and a symbol, to satisfy the password policy. */
  String oneTimePassword() {
    StringBuilder password = new StringBuilder("Rm-");
    for (int i = 0; i < 12; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.append(random.nextInt(10)).toString();
  }
}
