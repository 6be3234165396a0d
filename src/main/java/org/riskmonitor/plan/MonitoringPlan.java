package org.riskmonitor.plan;

import java.time.LocalDateTime;

/** A yearly monitoring plan: drafted by a coordinator, reviewed by an expert, approved by a manager. */
public record MonitoringPlan(Long id, String planNumber, int planYear, String title, String status, int version,
                             String processInstanceId, String draftedBy, LocalDateTime draftedAt, String reviewedBy,
                             String reviewOpinion, LocalDateTime reviewedAt, String approvedBy,
                             LocalDateTime approvedAt) {

  public static final String DRAFT = "DRAFT";
  public static final String APPROVED = "APPROVED";

  public boolean approved() {
    return APPROVED.equals(status);
  }

  public String statusLabel() {
    return approved() ? "已批准 Approved" : "草拟/审核中 Drafted, in review";
  }
}
