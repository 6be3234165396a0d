package org.riskmonitor.plan;

/** The manager's word on a reviewed plan. */
public enum ApprovalDecision {
  APPROVE,
  RETURN
}
