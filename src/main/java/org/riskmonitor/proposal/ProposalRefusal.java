package org.riskmonitor.proposal;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A public submission we do not take, with the status and the bilingual problems the citizen is shown. */
public class ProposalRefusal extends RuntimeException {

  private final HttpStatus status;
  private final List<String> problems;

  ProposalRefusal(HttpStatus status, List<String> problems) {
    super(String.join("；", problems));
    this.status = status;
    this.problems = List.copyOf(problems);
  }

  public HttpStatus status() {
    return status;
  }

  public List<String> problems() {
    return problems;
  }
}
