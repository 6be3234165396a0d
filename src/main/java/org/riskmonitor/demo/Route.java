package org.riskmonitor.demo;

import org.riskmonitor.risk.RiskLevel;

/**
 * The branches a walked case takes: what the lab finds, what the enterprise and coordinator
 * decide, how serious the risk is, whether remediation holds. "Once" means the first pass goes
 * the other way and the second the usual way (a rejected sample, a returned report...).
 */
public record Route(String productionDate, boolean sampleRejectedOnce, boolean reportReturnedOnce, boolean conforming,
                    Objection objection, RiskLevel riskLevel, boolean alertReturnedOnce,
                    boolean evidenceInsufficientOnce, boolean reinspectionSampleRejectedOnce,
                    boolean reinspectionPasses, boolean onSiteFinding) {

  public enum Objection { NONE, REJECTED, RETEST_CONFIRMS, RETEST_OVERTURNS }

  /** Nonconforming, no objection, serious risk, remediated and passing re-inspection. */
  public static Route remediated() {
    return new Route("2025-06-10", false, false, false, Objection.NONE, RiskLevel.SERIOUS, false, false, false, true,
        false);
  }

  public static Route allItemsPass() {
    return remediated().with(b -> b.conforming = true);
  }

  public Route with(java.util.function.Consumer<Builder> change) {
    Builder b = new Builder(this);
    change.accept(b);
    return b.build();
  }

  /** Mutable copy for {@link #with}. */
  public static final class Builder {
    public String productionDate;
    public boolean sampleRejectedOnce;
    public boolean reportReturnedOnce;
    public boolean conforming;
    public Objection objection;
    public RiskLevel riskLevel;
    public boolean alertReturnedOnce;
    public boolean evidenceInsufficientOnce;
    public boolean reinspectionSampleRejectedOnce;
    public boolean reinspectionPasses;
    /** The sampler records a finding on the last item of the on-site checklist and asks to track it. */
    public boolean onSiteFinding;

    Builder(Route r) {
      productionDate = r.productionDate;
      sampleRejectedOnce = r.sampleRejectedOnce;
      reportReturnedOnce = r.reportReturnedOnce;
      conforming = r.conforming;
      objection = r.objection;
      riskLevel = r.riskLevel;
      alertReturnedOnce = r.alertReturnedOnce;
      evidenceInsufficientOnce = r.evidenceInsufficientOnce;
      reinspectionSampleRejectedOnce = r.reinspectionSampleRejectedOnce;
      reinspectionPasses = r.reinspectionPasses;
      onSiteFinding = r.onSiteFinding;
    }

    Route build() {
      return new Route(productionDate, sampleRejectedOnce, reportReturnedOnce, conforming, objection, riskLevel,
          alertReturnedOnce, evidenceInsufficientOnce, reinspectionSampleRejectedOnce, reinspectionPasses, onSiteFinding);
    }
  }
}
