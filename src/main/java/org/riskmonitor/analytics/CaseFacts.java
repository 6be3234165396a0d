package org.riskmonitor.analytics;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * What the dashboard knows of one case, compact: its attributes (the filter's fields), its dated
 * events and its timed phases, system steps and user tasks as parallel arrays. Times are
 * {@link #instant} values of the regulator's local date-times, compared with the period's the
 * same way. Immutable: a refresh replaces the whole case.
 */
record CaseFacts(long id, boolean settled, String productKind, String district, String cluster, long enterpriseId,
                 String expertId, String riskLevel, String outcome, long[] labs, long openedAt, long closedAt,
                 String listEntry, long processEnd, long processDuration, Events events, Timings activities,
                 Timings tasks) {

  /** No time: a case not closed, a process not completed. */
  static final long NONE = Long.MIN_VALUE;

  /** A local date-time as a number that orders like it: milliseconds, as if it were UTC. */
  static long instant(LocalDateTime time) {
    return time == null ? NONE : time.toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  boolean hasLab(long lab) {
    for (long l : labs) {
      if (l == lab) {
        return true;
      }
    }
    return false;
  }

  /** The kinds of dated events our tables record of a case. */
  enum Event {
    SAMPLED('S'), TESTED('T'), NONCONFORMING('N'), VISITED('V'), MEETING('M'), PROBLEM_FOUND('F'),
    PROBLEM_SOLVED('O');

    private final char code;

    Event(char code) {
      this.code = code;
    }

    static Event of(String code) {
      for (Event event : values()) {
        if (event.code == code.charAt(0)) {
          return event;
        }
      }
      throw new IllegalArgumentException(code);
    }
  }

  /** Events in parallel arrays: kind (ordinal), day, amount (experts of a visit, else 1). */
  record Events(byte[] kind, long[] day, int[] amount) {
    int size() {
      return kind.length;
    }
  }

  /**
   * Timed flow nodes in parallel arrays: the node (an index into the read model's node names), its end,
   * duration, and for user tasks the waiting part and due state (0 none, 1 late, 2 on time).
   */
  record Timings(int[] node, long[] end, long[] duration, long[] waiting, byte[] due) {
    int size() {
      return node.length;
    }
  }
}
