package org.riskmonitor.objection;

import org.riskmonitor.form.CurrentUser;
import java.util.Map;
import org.riskmonitor.audit.AuditTrail;
import org.riskmonitor.publication.Publications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Settles the result after the objection phase: only a re-test of the backup sample that passes
 * overturns it. No objection, a rejected objection, a failed re-test or a backup sample the
 * second lab could not test leave the first result standing.
 */
@Component("objectionOutcomeRecording")
public class ObjectionOutcomeRecording implements JavaDelegate {

  private final AuditTrail audit;
  private final ObjectionMapper mapper;
  private final Publications publications;

  public ObjectionOutcomeRecording(AuditTrail audit, ObjectionMapper mapper, Publications publications) {
    this.audit = audit;
    this.mapper = mapper;
    this.publications = publications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean retested = Boolean.TRUE.equals(execution.getVariable("objectionRaised"))
        && Boolean.TRUE.equals(execution.getVariable("objectionAccepted"));
    boolean overturned = retested && Boolean.TRUE.equals(execution.getVariable("sampleAccepted"))
        && Boolean.FALSE.equals(execution.getVariable("nonconforming"));
    if (retested && !overturned) {
      // a re-test that failed or never happened leaves the case nonconforming
      execution.setVariable("nonconforming", true);
      execution.setVariable("sampleAccepted", true);
    }
    String outcome = overturned ? "OVERTURNED" : "CONFIRMED";
    mapper.recordOutcome(((Number) execution.getVariable("resultNoticeId")).longValue(), outcome,
        retested && execution.getVariable("reportId") != null ? ((Number) execution.getVariable("reportId")).longValue() : null);
    execution.setVariable("objectionOutcome", outcome);
    if (!overturned) {
      // the objection phase is over and the result stands: only now may it go to the public
      publications.proposeMonitoringResult(execution);
    }
    audit.record(((Number) execution.getVariable("caseId")).longValue(), "objection-outcome", CurrentUser.SYSTEM,
        Map.of("outcome", outcome));
  }
}
