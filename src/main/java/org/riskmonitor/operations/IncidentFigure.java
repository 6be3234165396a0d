package org.riskmonitor.operations;

public record IncidentFigure(String process, String type, long incidents) {
}
