package org.riskmonitor.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
public class SecurityConfiguration {

  /** Before the filters that act on the caller it establishes (the engine API guard). */
  public static final int AUTHENTICATION_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

  @Bean
  public LoginThrottle loginThrottle(ProcessEngine engine) {
    return new LoginThrottle(engine);
  }

  /**
   * Camunda's REST API, ours and our pages answer only to an authenticated user. The public proposal
   * page ({@code GET /proposals/new}, {@code POST /proposals}) is left out on purpose: citizens propose
   * without an account; it guards itself (its own form token, a per-address limit, bounded input).
   */
  @Bean
  public FilterRegistrationBean<RequestAuthentication> requestAuthentication(ProcessEngine engine,
                                                                             LoginThrottle throttle) {
    FilterRegistrationBean<RequestAuthentication> registration =
        new FilterRegistrationBean<>(new RequestAuthentication(engine, throttle));
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/manage/*", "/dashboard", "/dashboard/*", "/catalogue/*",
        "/plans", "/plans/*", "/sampling/*");
    registration.setName("riskmonitorRequestAuthentication");
    registration.setOrder(AUTHENTICATION_ORDER);
    return registration;
  }

  /** The webapps' login form: a user refused for failed logins is told why (see {@link WebappLoginRefusal}). */
  @Bean
  public FilterRegistrationBean<WebappLoginRefusal> webappLoginRefusal(LoginThrottle throttle,
      @Value("${camunda.bpm.webapp.application-path}") String webappPath) {
    FilterRegistrationBean<WebappLoginRefusal> registration = new FilterRegistrationBean<>(new WebappLoginRefusal(throttle));
    registration.addUrlPatterns(webappPath + "/api/admin/auth/user/*");
    registration.setName("riskmonitorWebappLoginRefusal");
    return registration;
  }

  /**
   * Inside Spring Session's filter (which runs first of all, {@code SessionRepositoryFilter.DEFAULT_ORDER}) and
   * before the webapps' own filters, which Camunda's starter registers after every ordered one.
   */
  @Bean
  public FilterRegistrationBean<SessionCsrfToken> sessionCsrfToken(CamundaBpmProperties camunda) {
    FilterRegistrationBean<SessionCsrfToken> registration =
        new FilterRegistrationBean<>(new SessionCsrfToken(camunda.getWebapp().getCsrf().getInitParams()));
    String webappPath = camunda.getWebapp().getApplicationPath();
    registration.addUrlPatterns(webappPath + "/api/*", webappPath + "/app/*");
    registration.setName("riskmonitorSessionCsrfToken");
    registration.setOrder(AUTHENTICATION_ORDER);
    return registration;
  }

  /** Before authentication, so a refusal or a redirect to the login carries the headers too. */
  @Bean
  public FilterRegistrationBean<SecurityHeaders> securityHeaders() {
    FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
    registration.addUrlPatterns("/*");
    registration.setName("riskmonitorSecurityHeaders");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
