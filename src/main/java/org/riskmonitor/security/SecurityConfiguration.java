package org.riskmonitor.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}
