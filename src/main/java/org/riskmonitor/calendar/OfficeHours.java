package org.riskmonitor.calendar;

import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The regulator's office day, in its own time zone: a step falls due at its end, a reminder and
 * an escalation come at its start.
 */
@ConfigurationProperties("riskmonitor.office-hours")
public record OfficeHours(@DefaultValue("09:00") LocalTime start, @DefaultValue("17:30") LocalTime end) {
}
