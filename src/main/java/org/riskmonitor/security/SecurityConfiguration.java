package org.riskmonitor.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
public class SecurityConfiguration {

  /** Before the filters that act on the caller it establishes (the engine API guard). */
  public static final int AUTHENTICATION_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

  /** Camunda's REST API, ours and our pages answer only to an authenticated user. */
  @Bean
  public FilterRegistrationBean<RequestAuthentication> requestAuthentication(ProcessEngine engine) {
    FilterRegistrationBean<RequestAuthentication> registration = new FilterRegistrationBean<>(new RequestAuthentication(engine));
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/manage/*", "/dashboard", "/dashboard/*");
    registration.setName("riskmonitorRequestAuthentication");
    registration.setOrder(AUTHENTICATION_ORDER);
    return registration;
  }
}
