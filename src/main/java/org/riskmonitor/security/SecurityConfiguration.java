package org.riskmonitor.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
public class SecurityConfiguration {

  /** Camunda's REST API, ours and our pages answer only to an authenticated user. */
  @Bean
  public FilterRegistrationBean<RequestAuthentication> requestAuthentication(ProcessEngine engine) {
    FilterRegistrationBean<RequestAuthentication> registration = new FilterRegistrationBean<>(new RequestAuthentication(engine));
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/manage/*", "/dashboard", "/dashboard/*");
    registration.setName("riskmonitorRequestAuthentication");
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
