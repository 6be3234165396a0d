package org.riskmonitor.proposal;

import java.time.LocalDateTime;

/** A citizen's proposal as it is stored; the contact stays in the table, for the regulator only. */
record Proposal(String product, String placeKind, String placeDetail, String concern, byte[] photo,
                String photoType, String contact, LocalDateTime submittedAt) {
}
