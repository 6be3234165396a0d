package org.riskmonitor.yearlycatalogue;

import org.riskmonitor.proposal.FocusGroup;

/**
 * One product kind of a catalogue version: its focus group, the risks that put it there, why it is
 * included, and how many citizens' proposals backed it.
 */
public record CatalogueEntry(String productKind, FocusGroup focusGroup, String riskReasons, String inclusionReason,
                             int backingProposals) {
}
