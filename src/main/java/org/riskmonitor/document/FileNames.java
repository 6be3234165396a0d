package org.riskmonitor.document;

/** File names as a browser sends them, made safe to store and to offer again for download. */
final class FileNames {

  /** The column's length, and what common file systems accept. */
  static final int MAX_LENGTH = 255;

  private FileNames() {
  }

  /**
   * Control characters, and the bidirectional controls that make "report\u202Efdp.exe" look like
   * "reportexe.pdf": such a name is refused rather than silently changed.
   */
  static boolean hasControlCharacters(String submitted) {
    return submitted != null && submitted.codePoints()
        .anyMatch(c -> Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069));
  }

  /**
   * The last path segment (old browsers send "C:\Users\...\scan.pdf"; "../" must never reach a
   * download header), without quotes, shortened to {@link #MAX_LENGTH} characters keeping the
   * extension. Empty when nothing usable is left. Names with control characters are refused before.
   */
  static String sanitise(String submitted) {
    if (submitted == null) {
      return "";
    }
    String name = submitted.substring(Math.max(submitted.lastIndexOf('/'), submitted.lastIndexOf('\\')) + 1);
    name = name.replace("\"", "").strip();
    if (name.equals(".") || name.equals("..")) {
      return "";
    }
    return shorten(name);
  }

  private static String shorten(String name) {
    if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
    String stem = name.substring(0, name.length() - extension.length());
    int keep = MAX_LENGTH - extension.length();
    // Cut on code points so a Chinese or emoji character is never split in half.
    return stem.substring(0, stem.offsetByCodePoints(0, keep)) + extension;
  }
}
