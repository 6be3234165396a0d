package org.riskmonitor.proposal;

/** A topic proposals are merged into, with the number of proposals backing it. */
public record ProposalTopic(long id, String title, String productKind, String focusGroup, int proposalCount) {
}
