package org.riskmonitor.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lengths of the legal clocks, in days. Defaults are the rule values: objection within 15 days
 * (Product Quality Law art. 15); correction within 60 days and re-inspection by day 75
 * (SAMR Order No. 18, 2019).
 */
@ConfigurationProperties("riskmonitor.deadlines")
public record DeadlineRules(
    @DefaultValue("15") int objectionDays,
    @DefaultValue("60") int correctionDays,
    @DefaultValue("75") int reinspectionDays) {
}
