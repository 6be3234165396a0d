package org.riskmonitor.yearlycatalogue;

/** The manager's decision on a reviewed catalogue (form {@code approve-catalogue}). */
public enum ApprovalDecision {
  APPROVE,
  RETURN
}
