package org.riskmonitor.document;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The file types a case accepts, recognised by their first bytes: the content type a browser
 * declares comes from the file name and proves nothing about what the file holds.
 */
public enum FileType {
  PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}, List.of("pdf")),
  JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, List.of("jpg", "jpeg")),
  PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, List.of("png"));

  private final String contentType;
  private final byte[] signature;
  private final List<String> extensions;

  FileType(String contentType, byte[] signature, List<String> extensions) {
    this.contentType = contentType;
    this.signature = signature;
    this.extensions = extensions;
  }

  public String contentType() {
    return contentType;
  }

  /** The type whose signature the content starts with, or null. */
  public static FileType of(byte[] head) {
    for (FileType type : values()) {
      if (head.length >= type.signature.length
          && Arrays.equals(head, 0, type.signature.length, type.signature, 0, type.signature.length)) {
        return type;
      }
    }
    return null;
  }

  /** Whether the file name ends with one of this type's extensions, so it opens as what it is. */
  public boolean matchesName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot >= 0 && extensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
