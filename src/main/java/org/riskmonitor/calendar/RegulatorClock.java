package org.riskmonitor.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The regulator's clock: the engine's current time read in the regulator's time zone
 * ({@code riskmonitor.time-zone}, Asia/Shanghai by default), whatever zone the server runs in. Every
 * date the system computes or shows (due dates, legal clocks, "today", our records, the dashboard)
 * comes from here. The time is the engine's {@link ClockUtil}, so tests that move the engine clock
 * move ours too.
 */
@Component
public class RegulatorClock extends Clock {

  private final ZoneId zone;

  public RegulatorClock(@Value("${riskmonitor.time-zone:Asia/Shanghai}") String zone) {
    this.zone = ZoneId.of(zone);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return other.equals(zone) ? this : new RegulatorClock(other.getId());
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public LocalDate today() {
    return LocalDate.now(this);
  }

  /** Now on the regulator's wall clock: how our tables and the engine's (see the JDBC URL) store time. */
  public LocalDateTime now() {
    return LocalDateTime.now(this);
  }

  public LocalDateTime local(Date date) {
    return LocalDateTime.ofInstant(date.toInstant(), zone);
  }

  public Date date(LocalDateTime local) {
    return Date.from(local.atZone(zone).toInstant());
  }
}
