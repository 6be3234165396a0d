package org.riskmonitor.checklist;

/** How the sampler answers an on-site check. */
public enum Answer {
  CONFORMING("符合 Conforming"), FINDING("发现问题 Finding"), NOT_APPLICABLE("不适用 Not applicable");

  private final String label;

  Answer(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The answer a device sent, or null for a value that is not one. */
  static Answer named(String name) {
    for (Answer answer : values()) {
      if (answer.name().equals(name)) {
        return answer;
      }
    }
    return null;
  }
}
