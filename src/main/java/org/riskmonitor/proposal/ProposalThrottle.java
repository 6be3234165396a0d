package org.riskmonitor.proposal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.riskmonitor.calendar.RegulatorClock;
import org.springframework.stereotype.Component;

/**
 * At most {@link ProposalLimits#perAddressPerHour()} submissions per client address in any hour
 * (a sliding window). Every submission counts, refused ones too, so a flood of bad input is
 * bounded as well. Kept in this node's memory: a restart or a second node forgets, which only
 * makes the limit looser, never refuses a citizen wrongly.
 */
@Component
public class ProposalThrottle {

  private static final Duration WINDOW = Duration.ofHours(1);
  /** Addresses remembered at most; the least recently seen are forgotten first. */
  private static final int ADDRESSES_KEPT = 10_000;

  private final ProposalLimits limits;
  /** The engine's clock, so a test can let the hour pass. */
  private final RegulatorClock clock;
  private final Map<String, Deque<Long>> submissions = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
      return size() > ADDRESSES_KEPT;
    }
  };

  public ProposalThrottle(ProposalLimits limits, RegulatorClock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * Counts a submission from the address and returns 0, or, if the address has used up its hour,
   * counts nothing and returns the seconds until it may submit again.
   */
  public long secondsToWait(String address) {
    long now = clock.millis();
    synchronized (submissions) {
      Deque<Long> times = submissions.computeIfAbsent(address, key -> new ArrayDeque<>());
      while (!times.isEmpty() && times.peekFirst() <= now - WINDOW.toMillis()) {
        times.removeFirst();
      }
      if (times.size() >= limits.perAddressPerHour()) {
        return Math.max(1, (times.peekFirst() + WINDOW.toMillis() - now + 999) / 1000);
      }
      times.addLast(now);
      return 0;
    }
  }
}
