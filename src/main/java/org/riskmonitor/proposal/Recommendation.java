package org.riskmonitor.proposal;

/** The expert's advice on a topic (form {@code give-expert-opinion}); the catalogue round decides. */
public enum Recommendation {
  INCLUDE,
  LEAVE_OUT
}
