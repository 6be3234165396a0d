package org.riskmonitor.demo;

import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * How long the people of the demo's history take over a step, in hours: each kind of step its own
 * range (a lab test takes days, a review hours), longer for slow product kinds at the lab, shorter at
 * the faster lab, and now and then a step far slower than usual, late against its due date. The
 * same case and step always take the same time, so a case's path can be timed before it is walked.
 */
final class Pace {

  /** Hours a step usually takes: from, to. */
  private static final Map<String, double[]> USUAL_HOURS = Map.ofEntries(
      Map.entry("Task_AssignSampling", new double[] {3, 20}),
      Map.entry("Task_FillSamplingSlip", new double[] {24, 100}),
      Map.entry("Task_ConfirmSamplingSlip", new double[] {4, 30}),
      Map.entry("Task_ReceiveSample", new double[] {10, 40}),
      Map.entry("Task_TestSample", new double[] {70, 300}),
      Map.entry("Task_ReviewReport", new double[] {5, 40}),
      Map.entry("Task_RespondToResult", new double[] {20, 150}),
      Map.entry("Task_DecideObjection", new double[] {10, 50}),
      Map.entry("Task_AssignRiskExpert", new double[] {3, 24}),
      Map.entry("Task_AssessRisk", new double[] {30, 130}),
      Map.entry("Task_AnalyseCauses", new double[] {24, 110}),
      Map.entry("Task_DraftConsumerAlert", new double[] {5, 30}),
      Map.entry("Task_ApproveConsumerAlert", new double[] {4, 36}),
      Map.entry("Task_ReferCase", new double[] {5, 48}),
      Map.entry("Task_PlanAssistanceVisit", new double[] {10, 60}),
      Map.entry("Task_RecordAssistanceVisit", new double[] {40, 180}),
      Map.entry("Task_SubmitRemediationPlan", new double[] {24, 130}),
      Map.entry("Task_SubmitRemediationEvidence", new double[] {48, 260}),
      Map.entry("Task_VerifyRemediation", new double[] {12, 70}),
      Map.entry("Task_DrawReinspectionSample", new double[] {24, 110}),
      Map.entry("Task_ApproveAnnouncement", new double[] {8, 48}),
      Map.entry("Task_CloseCase", new double[] {4, 60}));
  private static final double[] OTHER_HOURS = {4, 24};

  /** The lab's test takes longer for these kinds (battery cycling, flame tests) or shorter (cable resistance). */
  private static final Map<String, Double> TEST_FACTOR = Map.of("E_BIKE_LI_BATTERY", 1.5, "PORTABLE_LI_BATTERY", 1.3,
      "GAS_STOVE", 1.2, "WIRE_CABLE", 0.75, "CHILDREN_PRODUCT", 0.9);
  /** Lab B, smaller and with fewer first tests, turns its samples round faster. */
  private static final double FAST_LAB = 0.6;
  /** One step in this many drags on: several times its usual time. */
  private static final int SLOW_ONE_IN = 12;
  /**
   * Steps under a legal clock never drag on: the objection window (15 days) and the correction
   * deadline (60 days) would run out, and the case would take another path than its route.
   */
  private static final Set<String> UNDER_LEGAL_CLOCK = Set.of("Task_RespondToResult", "Task_PlanAssistanceVisit",
      "Task_RecordAssistanceVisit", "Task_SubmitRemediationPlan", "Task_SubmitRemediationEvidence",
      "Task_VerifyRemediation", "Task_DrawReinspectionSample");

  private Pace() {
  }

  /**
   * The hours the {@code step}-th step of the case numbered {@code seed} takes, and how much of it the
   * task waited before someone took it.
   */
  static Step step(long seed, int step, String taskKey, String productKind, boolean fastLab) {
    SplittableRandom random = new SplittableRandom(seed * 7_919L + step * 104_729L + taskKey.hashCode());
    double[] range = USUAL_HOURS.getOrDefault(taskKey, OTHER_HOURS);
    double hours = range[0] + random.nextDouble() * (range[1] - range[0]);
    boolean labStep = taskKey.equals("Task_TestSample") || taskKey.equals("Task_ReceiveSample")
        || taskKey.equals("Task_ReviewReport");
    if (taskKey.equals("Task_TestSample")) {
      hours *= TEST_FACTOR.getOrDefault(productKind, 1.0);
    }
    if (labStep && fastLab) {
      hours *= FAST_LAB;
    }
    if (random.nextInt(SLOW_ONE_IN) == 0 && !UNDER_LEGAL_CLOCK.contains(taskKey)) {
      hours *= 2.5 + random.nextDouble() * 2;
    }
    return new Step(hours, hours * (0.1 + random.nextDouble() * 0.5));
  }

  record Step(double hours, double waitingHours) {
  }
}
