package org.riskmonitor.officialdocument;

/**
 * The documents the regulator issues on a case. Each has its template
 * ({@code official-documents/<template>.txt}, holding the wording, the legal basis and the number's
 * prefix) and is numbered on its own per year. Those addressed to the enterprise are served on it:
 * it confirms receipt in its task list.
 */
public enum OfficialDocumentKind {
  RESULT_NOTICE("result-notice", true),
  RISK_NOTICE("risk-notice", true),
  REMEDIATION_ORDER("remediation-order", true),
  /** Addressed to the public, about the enterprise. */
  PUBLIC_ANNOUNCEMENT("public-announcement", false),
  /** Addressed to consumers. */
  CONSUMER_ALERT("consumer-alert", false),
  CLOSURE_DECISION("closure-decision", true),
  /** A situation-analysis bulletin on a product kind: addressed to the public, of no case (see {@link OfficialDocuments#issueWithoutCase}). */
  BULLETIN("bulletin", false);

  private final String template;
  private final boolean servedOnEnterprise;

  OfficialDocumentKind(String template, boolean servedOnEnterprise) {
    this.template = template;
    this.servedOnEnterprise = servedOnEnterprise;
  }

  public String template() {
    return template;
  }

  public boolean servedOnEnterprise() {
    return servedOnEnterprise;
  }
}
