package org.riskmonitor.expert;

import java.util.Comparator;

/** An expert as a choice for one case: whether the expert knows its product kind, is conflicted, and how busy. */
public record ExpertCandidate(Expert expert, boolean specialist, boolean conflicted, long openTasks) {

  /** Specialists first, then the unconflicted, then the least busy; by name among equals so the order is stable. */
  public static final Comparator<ExpertCandidate> BEST_FIRST = Comparator
      .comparing((ExpertCandidate c) -> !c.specialist())
      .thenComparing(ExpertCandidate::conflicted)
      .thenComparingLong(ExpertCandidate::openTasks)
      .thenComparing(c -> c.expert().name())
      .thenComparing(c -> c.expert().userId());
}
