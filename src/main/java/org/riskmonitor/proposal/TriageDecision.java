package org.riskmonitor.proposal;

/** What the coordinator does with a proposal (form {@code triage-proposal}). */
public enum TriageDecision {
  NEW_TOPIC,
  MERGE
}
