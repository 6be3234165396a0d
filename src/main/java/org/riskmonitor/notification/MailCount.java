package org.riskmonitor.notification;

/** How many recorded messages stand in one state: PENDING (never tried), RETRYING, SENT, NO_ADDRESS. */
public record MailCount(String status, long messages) {
}
