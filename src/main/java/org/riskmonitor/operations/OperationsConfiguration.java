package org.riskmonitor.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.riskmonitor.security.RequestAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class OperationsConfiguration {

  /**
   * The actuator stays on the application's port, behind {@link ActuatorAccess}, rather than on a
   * management port of its own: whether another port is closed to users depends on a firewall
   * this application cannot see or test, while the administrators' check is the same one every
   * other page of ours passes.
   */
  @Bean
  public FilterRegistrationBean<ActuatorAccess> actuatorAccess(ProcessEngine engine,
      FilterRegistrationBean<RequestAuthentication> requestAuthentication) {
    FilterRegistrationBean<ActuatorAccess> registration =
        new FilterRegistrationBean<>(new ActuatorAccess(engine, requestAuthentication.getFilter()));
    registration.addUrlPatterns("/actuator", "/actuator/*");
    registration.setName("riskmonitorActuatorAccess");
    return registration;
  }
}
