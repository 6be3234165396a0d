package org.riskmonitor.risk;

import java.time.LocalDateTime;

public record Cause(Long id, long caseId, String category, String description, String severity, String analysedBy,
                    LocalDateTime analysedAt) {

  public enum Category {
    DESIGN("设计 Design"), RAW_MATERIAL("原材料 Raw material"), PROCESS("生产工艺 Process"),
    QUALITY_CONTROL("质量控制 Quality control"), COMPONENT_SUPPLIER("零部件供应商 Component supplier"),
    LABELLING("标识标签 Labelling");

    private final String label;

    Category(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public enum Severity { MINOR, MAJOR, CRITICAL }
}
