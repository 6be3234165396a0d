package org.riskmonitor.cases;

import java.time.LocalDate;

/** A plan line as the opening form offers it and as case opening checks it. */
public record PlanLineOffer(long id, String planNumber, int lineNo, String planStatus, String productKind,
                            String kindName, String venue, String districtCode, String districtName, long labId,
                            String labName, int batches, int casesOpened, LocalDate periodFrom, LocalDate periodTo) {

  /** How users name the line, e.g. JH-2026-001 第3行 line 3. */
  public String reference() {
    return planNumber + " 第" + lineNo + "行 line " + lineNo;
  }

  public boolean usedUp() {
    return casesOpened >= batches;
  }

  public String label() {
    String venueName;
    try {
      venueName = Venue.valueOf(venue).label();
    } catch (IllegalArgumentException unknown) {
      venueName = venue;
    }
    return planNumber + " 第" + lineNo + "行 · " + kindName + " · " + venueName + " · " + districtName
        + " · 剩余 " + (batches - casesOpened) + "/" + batches + " 批 left · " + labName + " · 至 until " + periodTo;
  }
}
