package org.riskmonitor.web;

/** A request parameter of ours that parsed but cannot be served; answered 400 with this bilingual message. */
public class BadParameter extends RuntimeException {

  public BadParameter(String message) {
    super(message);
  }
}
