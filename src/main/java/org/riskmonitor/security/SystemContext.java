package org.riskmonitor.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Look-ups the system makes on its own behalf inside a step (the samplers to offer, the risk
 * level from the decision table) must not be limited by the permissions of whoever completed
 * the previous step: a lab user's completion may create the coordinator's next task.
 */
public final class SystemContext {

  private SystemContext() {
  }

  /**
   * Runs identity changes our own code has already allowed (a coordinator onboarding an
   * enterprise) without the caller's engine permissions, which deliberately exclude creating
   * users and groups.
   */
  public static <T> T asSystem(IdentityService identityService, Supplier<T> action) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return action.get();
    } finally {
      identityService.setAuthentication(caller);
    }
  }

  public static <T> T withoutAuthorization(Supplier<T> action) {
    CommandContext context = Context.getCommandContext();
    if (context == null || !context.isAuthorizationCheckEnabled()) {
      return action.get();
    }
    context.disableAuthorizationCheck();
    try {
      return action.get();
    } finally {
      context.enableAuthorizationCheck();
    }
  }
}
