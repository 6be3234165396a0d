package org.riskmonitor.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;

/**
 * Tells a user whom the engine is refusing because of failed logins why, before their password is
 * checked: during the delay after a failed login (here 3 s, doubling, at most 60 s) how long to
 * wait, and after too many failures (here 10) that the account is locked and the administrator must
 * unlock it. The engine does not check the password during the delay or the lock either, so nothing
 * is learned about the password here, and no attempt is counted.
 *
 * <p>An id that is no user gets the same answers: its failed logins are delayed and locked here in
 * the same way (in this node's memory), so a second try does not reveal which ids exist.
 *
 * <p>The engine's login settings and a user's failed attempts and lock expiry have no public API in
 * Camunda 7.24 (nor in its forks): they are read from the engine's implementation classes
 * ({@link UserEntity}, {@link ProcessEngineConfigurationImpl}) here alone; check them again when the
 * engine is upgraded.
 */
public class LoginThrottle {

  /** Unknown ids remembered at most; the oldest are forgotten first. */
  private static final int UNKNOWN_IDS_KEPT = 10_000;
  /** The engine's user ids are at most this long: a longer one is no one's, nothing to hide or keep. */
  private static final int MAX_USER_ID = 64;

  /** Why a login is refused before its password is looked at. */
  public record Refusal(int status, long secondsToWait, String message) {

    public void answer(HttpServletResponse response) throws IOException {
      response.setStatus(status);
      if (secondsToWait > 0) {
        response.setHeader("Retry-After", String.valueOf(secondsToWait));
      }
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"type\":\"AuthenticationError\",\"message\":\"" + message + "\"}");
    }
  }

  private record Failures(int attempts, long lockedUntil) {
  }

  private final ProcessEngine engine;
  private final Map<String, Failures> unknownIds = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
      return size() > UNKNOWN_IDS_KEPT;
    }
  };

  public LoginThrottle(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Why the engine refuses this user's login now whatever the password, or null if it checks it. */
  public Refusal refusal(String userId) {
    if (userId == null || userId.isEmpty() || userId.length() > MAX_USER_ID) {
      return null;
    }
    long now = ClockUtil.getCurrentTime().getTime();
    User user = engine.getIdentityService().createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return unknownIdRefusal(userId, now);
    }
    if (!(user instanceof UserEntity entity)) {
      // an identity provider without the engine's login lock (LDAP): it decides alone
      return null;
    }
    return refusal(entity.getAttempts(), entity.getLockExpirationTime() == null ? 0
        : entity.getLockExpirationTime().getTime(), now);
  }

  private Refusal unknownIdRefusal(String userId, long now) {
    synchronized (unknownIds) {
      Failures before = unknownIds.getOrDefault(userId, new Failures(0, 0));
      Refusal refusal = refusal(before.attempts(), before.lockedUntil(), now);
      if (refusal == null) {
        // this attempt fails, as it would for a user with a wrong password
        int attempts = before.attempts() + 1;
        unknownIds.put(userId, new Failures(attempts, now + delayMillis(attempts)));
      }
      return refusal;
    }
  }

  private Refusal refusal(int attempts, long lockedUntil, long now) {
    if (attempts >= config().getLoginMaxAttempts()) {
      return new Refusal(HttpServletResponse.SC_FORBIDDEN, 0,
          "登录失败次数过多，账号已锁定，请联系系统管理员解锁。"
              + " Too many failed logins: this account is locked. Please ask the system administrator to unlock it.");
    }
    if (lockedUntil > now) {
      long seconds = (lockedUntil - now + 999) / 1000;
      return new Refusal(HttpStatus.TOO_MANY_REQUESTS.value(), seconds, "上次登录失败，请等待" + seconds + "秒后再试。"
          + " The last login failed: please wait " + seconds + " seconds and try again.");
    }
    return null;
  }

  /** The engine's delay after the given number of failed logins (DbIdentityServiceProvider.lockUser). */
  private long delayMillis(int attempts) {
    ProcessEngineConfigurationImpl config = config();
    long delay = (long) (config.getLoginDelayBase() * Math.pow(config.getLoginDelayFactor(), attempts - 1));
    return Math.min(delay, config.getLoginDelayMaxTime()) * 1000;
  }

  private ProcessEngineConfigurationImpl config() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
