package org.riskmonitor.calendar;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lengths of the legal clocks, in calendar days, and of every step's deadline. Defaults are the
 * rule values: objection within 15 days (Product Quality Law art. 15); correction within 60 days
 * and re-inspection by day 75 (SAMR Order No. 18, 2019). Step deadlines, keyed by the step's
 * form, are working days ({@code 3WD}) or calendar days ({@code 10D}); the objection decision's
 * 3 working days is a rule value, the others the programme's own limits.
 */
@ConfigurationProperties("riskmonitor.deadlines")
public record DeadlineRules(
    @DefaultValue("15") int objectionDays,
    @DefaultValue("60") int correctionDays,
    @DefaultValue("75") int reinspectionDays,
    Map<String, String> steps) {
}
