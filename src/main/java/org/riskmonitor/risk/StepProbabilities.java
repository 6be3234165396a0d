package org.riskmonitor.risk;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The probability of an injury scenario is the product of its steps' probabilities; experts
 * write the steps as fractions or decimals, e.g. {@code 1/10, 1/100} or {@code 0.5, 0.01}.
 */
public final class StepProbabilities {

  private static final Pattern STEP = Pattern.compile("\\s*(?:(\\d{1,9})\\s*/\\s*(\\d{1,12})|(\\d*\\.?\\d+(?:[eE]-?\\d+)?))\\s*");

  private StepProbabilities() {
  }

  /** The product of the steps, or null if a step is not a probability between 0 (exclusive) and 1. */
  public static Double product(String steps) {
    String[] parts = steps.split("[,，、;；×*]", -1);
    double product = 1;
    for (String part : parts) {
      Matcher m = STEP.matcher(part);
      if (!m.matches()) {
        return null;
      }
      double p = m.group(3) != null ? Double.parseDouble(m.group(3))
          : Double.parseDouble(m.group(1)) / Double.parseDouble(m.group(2));
      if (!(p > 0 && p <= 1)) {
        return null;
      }
      product *= p;
    }
    return product;
  }
}
