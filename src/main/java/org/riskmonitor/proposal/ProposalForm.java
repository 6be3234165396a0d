package org.riskmonitor.proposal;

/** What the public page posts, as typed; {@link Proposals} checks every field. */
public record ProposalForm(String product, String placeKind, String placeDetail, String concern, String contact) {

  static ProposalForm empty() {
    return new ProposalForm(null, null, null, null, null);
  }

  /** The same values without the contact, to show the form again: a contact is never written back to a page. */
  ProposalForm withoutContact() {
    return new ProposalForm(product, placeKind, placeDetail, concern, null);
  }
}
