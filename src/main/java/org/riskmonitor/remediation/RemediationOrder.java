package org.riskmonitor.remediation;

import java.time.LocalDateTime;

/** The order to correct: when it was given, the correction deadline and the re-inspection deadline. */
public record RemediationOrder(long caseId, LocalDateTime orderedAt, LocalDateTime correctionDeadline,
                               LocalDateTime reinspectionDeadline) {

  public String correctionDeadlineText() {
    return correctionDeadline.toLocalDate().toString();
  }

  public String reinspectionDeadlineText() {
    return reinspectionDeadline.toLocalDate().toString();
  }
}
