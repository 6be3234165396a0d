package org.riskmonitor;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@EnableProcessApplication("risk-monitor")
@ConfigurationPropertiesScan
public class RiskMonitorApplication {

  public static void main(String[] args) {
    SpringApplication.run(RiskMonitorApplication.class, args);
  }
}
