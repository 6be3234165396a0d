package org.riskmonitor.laboratory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The contract between the engine and a lab's LIMS: the external-task topics of a connected lab,
 * named after the lab's group so each lab has its own ({@code <group>.receive}, {@code <group>.report}),
 * what the LIMS may read and send at each, and the BPMN errors it may raise. Process
 * {@code lab-test} names its topics through this bean; the engine API guard holds calls to the rest.
 */
@Component("limsTopics")
public class LimsTopics {

  /** The error code with which a LIMS rejects a sample; the case goes back to sampling. */
  public static final String SAMPLE_REJECTED = "SAMPLE_REJECTED";

  /** What the sample is, read at both steps; a lab tests a sample, it is not told about the enterprise. */
  private static final Set<String> SAMPLE = Set.of("caseNumber", "productName", "productionDate", "testPurpose",
      "testedSampleId");

  /** The two steps a connected lab does in its LIMS. */
  public enum Step {
    /** The sample arrives: completed with its condition and date, or a BPMN error with the reason too. */
    RECEIVE("receive", SAMPLE, Set.of("sampleCondition", "receivedOn", "rejectionReason"), Set.of(SAMPLE_REJECTED)),
    /** Tested, reviewed and reported: the items' values and verdicts, who tested and reviewed, the PDF. */
    REPORT("report", union(SAMPLE, Set.of("testItems")),
        Set.of("reportNumber", "testedOn", "testItems", "testedBy", "reviewedBy", "reportPdf"), Set.of());

    private final String suffix;
    private final Set<String> readable;
    private final Set<String> submittable;
    private final Set<String> errorCodes;

    Step(String suffix, Set<String> readable, Set<String> submittable, Set<String> errorCodes) {
      this.suffix = suffix;
      this.readable = readable;
      this.submittable = submittable;
      this.errorCodes = errorCodes;
    }

    public String topic(String labGroup) {
      return labGroup + "." + suffix;
    }

    /** The variables the LIMS may fetch with the task. */
    public Set<String> readable() {
      return readable;
    }

    /** The variables the LIMS may send when it completes the task or raises an error. */
    public Set<String> submittable() {
      return submittable;
    }

    public Set<String> errorCodes() {
      return errorCodes;
    }
  }

  public String receive(String labGroup) {
    return Step.RECEIVE.topic(labGroup);
  }

  public String report(String labGroup) {
    return Step.REPORT.topic(labGroup);
  }

  /** The step a topic belongs to, if it is a LIMS topic at all. */
  public static Optional<Step> stepOf(String topic) {
    return Arrays.stream(Step.values()).filter(step -> topic != null && topic.endsWith("." + step.suffix)).findFirst();
  }

  static List<String> of(String labGroup) {
    return Arrays.stream(Step.values()).map(step -> step.topic(labGroup)).toList();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    return Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
  }
}
