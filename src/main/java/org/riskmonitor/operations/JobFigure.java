package org.riskmonitor.operations;

public record JobFigure(String process, String type, long openJobs, long dueJobs, long failedJobs) {
}
