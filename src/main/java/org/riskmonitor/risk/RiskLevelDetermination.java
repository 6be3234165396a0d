package org.riskmonitor.risk;

import org.riskmonitor.form.CurrentUser;
import java.util.Map;
import org.riskmonitor.audit.AuditTrail;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.security.SystemContext;
import org.springframework.stereotype.Component;

/**
 * Each scenario's level comes from the decision table {@code risk-level}; the case takes the
 * level of its worst scenario.
 */
@Component("riskLevelDetermination")
public class RiskLevelDetermination implements JavaDelegate {

  private final AuditTrail audit;
  private final RiskMapper mapper;
  private final MonitoringCases cases;
  private final DecisionService decisionService;

  public RiskLevelDetermination(AuditTrail audit, RiskMapper mapper, MonitoringCases cases, DecisionService decisionService) {
    this.audit = audit;
    this.mapper = mapper;
    this.cases = cases;
    this.decisionService = decisionService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long assessmentId = ((Number) execution.getVariable("riskAssessmentId")).longValue();
    RiskLevel caseLevel = null;
    for (RiskScenario scenario : mapper.scenarios(assessmentId)) {
      // the system applies the matrix, whoever completed the assessment
      String level = SystemContext.withoutAuthorization(() -> decisionService.evaluateDecisionByKey("risk-level")
          .variables(Variables.createVariables()
              .putValue("severity", scenario.severity())
              .putValue("probability", scenario.probability()))
          .evaluate().getSingleEntry());
      mapper.setScenarioLevel(scenario.id(), level);
      caseLevel = RiskLevel.valueOf(level).worse(caseLevel);
    }
    mapper.setAssessmentLevel(assessmentId, caseLevel.name());
    cases.setRiskLevel(cases.idOf(execution), caseLevel.name());
    execution.setVariable("riskLevel", caseLevel.name());
    execution.setVariable("riskLevelName", caseLevel.label());
    audit.record(cases.idOf(execution), "risk-level", CurrentUser.SYSTEM,
        Map.of("assessmentId", assessmentId, "riskLevel", caseLevel.name()));
  }
}
