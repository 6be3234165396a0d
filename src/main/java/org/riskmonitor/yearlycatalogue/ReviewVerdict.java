package org.riskmonitor.yearlycatalogue;

/** The expert's verdict on a drafted catalogue (form {@code review-catalogue}). */
public enum ReviewVerdict {
  AGREE,
  SEND_BACK
}
