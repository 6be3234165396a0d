package org.riskmonitor.checklist;

/** One on-site check: what to look at ({@code title}), how to check it, and what counts as a finding. */
public record ChecklistItem(Long id, long checklistId, int position, CheckArea area, String title, String method,
                            String findingCriterion) {
}
