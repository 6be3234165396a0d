package org.riskmonitor.document;

import java.util.EnumSet;
import java.util.Set;

/** What a person uploads to a case; notices the system writes have kinds of their own. */
public enum DocumentKind {
  SAMPLING_PHOTO(EnumSet.allOf(FileType.class)),
  SAMPLING_SLIP_SCAN(EnumSet.allOf(FileType.class)),
  /** The signed report is the legal record of the test, so only its PDF will do. */
  TEST_REPORT_PDF(EnumSet.of(FileType.PDF)),
  REMEDIATION_EVIDENCE(EnumSet.allOf(FileType.class)),
  VISIT_PHOTO(EnumSet.allOf(FileType.class));

  private final Set<FileType> allowedTypes;

  DocumentKind(Set<FileType> allowedTypes) {
    this.allowedTypes = allowedTypes;
  }

  public boolean allows(FileType type) {
    return allowedTypes.contains(type);
  }

  /** The kind named in an upload, or null for a name that is not one of ours. */
  public static DocumentKind named(String name) {
    for (DocumentKind kind : values()) {
      if (kind.name().equals(name)) {
        return kind;
      }
    }
    return null;
  }
}
