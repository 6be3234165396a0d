package org.riskmonitor.plan;

/** The expert's word on a draft plan. */
public enum ReviewDecision {
  AGREE,
  SEND_BACK
}
