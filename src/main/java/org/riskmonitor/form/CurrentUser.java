package org.riskmonitor.form;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.riskmonitor.input.FormRefusal;
import org.springframework.stereotype.Component;

/** Who is acting: the user Tasklist or REST authenticated, recorded with every domain write. */
@Component
public class CurrentUser {

  /** Written as the actor of steps the engine takes by itself (timers, service tasks). */
  public static final String SYSTEM = "system";

  private final IdentityService identityService;

  public CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The acting user; a person's step without one is refused rather than written anonymously. */
  public String id() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new FormRefusal("无法识别当前用户，请重新登录 Unknown user, please log in again");
    }
    return authentication.getUserId();
  }

  public String idOrSystem() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
  }
}
