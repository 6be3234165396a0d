package org.riskmonitor.publication;

/** Only a PUBLISHED item is shown; a WITHDRAWN one shows its withdrawal notice, nothing of its content. */
public enum PublicationStatus { PROPOSED, PUBLISHED, REJECTED, WITHDRAWN }
