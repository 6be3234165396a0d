package org.riskmonitor.response;

import java.time.LocalDateTime;

/**
 * A measure taken on the risk, as a Safety Gate notification lists them: consumer alert, risk
 * notice to the enterprise, referral to the recall centre or to enforcement, public announcement.
 */
public record RiskMeasure(Long id, long caseId, String kind, String status, String title, String content,
                          String reference, String recordedBy, LocalDateTime recordedAt, String decidedBy,
                          LocalDateTime decidedAt, String decisionComment) {

  public enum Kind { CONSUMER_ALERT, RISK_NOTICE, RECALL_REFERRAL, ENFORCEMENT_REFERRAL, PUBLIC_ANNOUNCEMENT }
}
