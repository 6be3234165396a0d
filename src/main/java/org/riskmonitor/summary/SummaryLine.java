package org.riskmonitor.summary;

/** One line of a list the forms show: a failed test item, a cause, a problem or a document. */
public record SummaryLine(String kind, long seq, String title, String detail, String requirement, String measured) {
}
