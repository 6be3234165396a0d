package org.riskmonitor.operations;

public record TaskFigure(String phase, long openTasks, long overdueTasks) {
}
