package org.riskmonitor.document;

import java.util.EnumSet;
import java.util.Set;

/** What a person uploads to a case; notices the system writes have kinds of their own. */
public enum DocumentKind {
  SAMPLING_PHOTO(EnumSet.allOf(FileType.class), "抽样照片", "a sampling photo"),
  SAMPLING_SLIP_SCAN(EnumSet.allOf(FileType.class), "抽样单扫描件", "the scanned slip"),
  /** The signed report is the legal record of the test, so only its PDF will do. */
  TEST_REPORT_PDF(EnumSet.of(FileType.PDF), "检验报告PDF", "the test report PDF"),
  REMEDIATION_EVIDENCE(EnumSet.allOf(FileType.class), "整改证据", "remediation evidence"),
  VISIT_PHOTO(EnumSet.allOf(FileType.class), "帮扶照片", "a visit photo");

  private final Set<FileType> allowedTypes;
  private final String label;
  private final String englishLabel;

  DocumentKind(Set<FileType> allowedTypes, String label, String englishLabel) {
    this.allowedTypes = allowedTypes;
    this.label = label;
    this.englishLabel = englishLabel;
  }

  public String label() {
    return label;
  }

  public String englishLabel() {
    return englishLabel;
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
