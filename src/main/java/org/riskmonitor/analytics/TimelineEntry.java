package org.riskmonitor.analytics;

import java.time.LocalDateTime;

/** A phase, step or system action a case went through, as the engine's history recorded it. */
public record TimelineEntry(String activityId, String name, String activityType, String assignee, LocalDateTime startedAt,
                            LocalDateTime endedAt, Long duration) {
}
