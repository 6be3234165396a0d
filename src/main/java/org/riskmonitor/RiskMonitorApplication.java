package org.riskmonitor;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableProcessApplication("risk-monitor")
@ConfigurationPropertiesScan
@EnableScheduling
public class RiskMonitorApplication {

  public static void main(String[] args) {
    SpringApplication.run(RiskMonitorApplication.class, args);
  }
}
