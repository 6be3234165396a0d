package org.riskmonitor.document;

import java.util.EnumSet;
import java.util.Set;

/** What a person uploads to a case; notices the system writes have kinds of their own. */
public enum DocumentKind {
  SAMPLING_PHOTO(EnumSet.allOf(FileType.class), "抽样照片", "a sampling photo", "Sampling photo"),
  SAMPLING_SLIP_SCAN(EnumSet.allOf(FileType.class), "抽样单扫描件", "the scanned slip", "Scanned sampling slip"),
  /** The signed report is the legal record of the test, so only its PDF will do. */
  TEST_REPORT_PDF(EnumSet.of(FileType.PDF), "检验报告PDF", "the test report PDF", "Test report PDF"),
  REMEDIATION_EVIDENCE(EnumSet.allOf(FileType.class), "整改证据", "remediation evidence", "Remediation evidence"),
  VISIT_PHOTO(EnumSet.allOf(FileType.class), "帮扶照片", "a visit photo", "Visit photo");

  private final Set<FileType> allowedTypes;
  private final String label;
  private final String englishLabel;
  private final String englishTitle;

  DocumentKind(Set<FileType> allowedTypes, String label, String englishLabel, String englishTitle) {
    this.allowedTypes = allowedTypes;
    this.label = label;
    this.englishLabel = englishLabel;
    this.englishTitle = englishTitle;
  }

  public String label() {
    return label;
  }

  /** As it reads inside an English sentence ("please upload a sampling photo"). */
  public String englishLabel() {
    return englishLabel;
  }

  /** As a list or a choice shows it: Chinese, then English ("抽样照片 Sampling photo"). */
  public String title() {
    return label + " " + englishTitle;
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
