package org.riskmonitor.proposal;

/** A proposal's photo as stored: its proven content type and its bytes. */
public record StoredPhoto(String photoType, byte[] photo) {
}
