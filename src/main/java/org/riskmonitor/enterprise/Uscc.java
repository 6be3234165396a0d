package org.riskmonitor.enterprise;

import java.util.regex.Pattern;

/**
 * Unified social credit code (GB 32100-2015): 18 characters, the last a check character over
 * the first 17. Some codes issued in practice fail the check, so a failed check is reported as
 * such and left to a coordinator to override, never silently accepted.
 */
public final class Uscc {

  static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  private static final Pattern SHAPE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");

  public enum Verdict { VALID, CHECK_CHARACTER_MISMATCH, MALFORMED }

  private Uscc() {
  }

  public static Verdict check(String code) {
    if (code == null || !SHAPE.matcher(code).matches()) {
      return Verdict.MALFORMED;
    }
    return code.charAt(17) == checkCharacter(code) ? Verdict.VALID : Verdict.CHECK_CHARACTER_MISMATCH;
  }

  /** The check character (GB 32100-2015) of a code's first 17 characters. */
  public static char checkCharacter(String code) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
    }
    return ALPHABET.charAt((31 - sum % 31) % 31);
  }

  /** The six-digit administrative division code inside the USCC (positions 3–8). */
  public static String divisionCode(String code) {
    return code.substring(2, 8);
  }
}
