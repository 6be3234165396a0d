package org.riskmonitor.engineapi;

import org.camunda.bpm.engine.ProcessEngine;
import org.riskmonitor.security.SecurityConfiguration;
import org.riskmonitor.summary.CaseSummary;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class EngineApiConfiguration {

  /** After the caller is known ({@code /engine-rest}: our authentication; the webapps: their session). */
  @Bean
  public FilterRegistrationBean<EngineApiGuard> engineApiGuard(ProcessEngine engine, EngineApiOperations operations,
      EngineApiAllowList allowList, TaskFormView formView, CaseSummary summary, RefusedCalls refusedCalls,
      PasswordChecks passwordChecks, FormSubmissions formSubmissions, CompletionRaces completionRaces,
      StartFormSchemas startForms, LimsCalls limsCalls) {
    FilterRegistrationBean<EngineApiGuard> registration = new FilterRegistrationBean<>(new EngineApiGuard(engine,
        operations, allowList, formView, summary, refusedCalls, passwordChecks, formSubmissions, completionRaces, startForms,
        limsCalls));
    registration.addUrlPatterns(EngineApiGuard.REST + "/*", EngineApiGuard.WEBAPP + "/*");
    registration.setName("riskmonitorEngineApiGuard");
    registration.setOrder(SecurityConfiguration.AUTHENTICATION_ORDER + 1);
    return registration;
  }
}
