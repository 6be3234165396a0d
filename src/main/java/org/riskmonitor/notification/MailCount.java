package org.riskmonitor.notification;

/** How many recorded messages stand in one state: PENDING (never tried), RETRYING, SENT, NO_ADDRESS, WITHDRAWN (never to be sent). */
public record MailCount(String status, long messages) {
}
