package org.riskmonitor.notification;

/** A recorded message as a node that holds it sends it. */
public record OutgoingMail(long id, String address, String subject, String body, int attempts) {
}
