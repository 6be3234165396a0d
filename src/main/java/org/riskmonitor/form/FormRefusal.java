package org.riskmonitor.form;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A submission the server will not accept. Thrown inside the engine's transaction, so the task
 * stays open and nothing the listener wrote survives; Tasklist shows the message.
 */
public class FormRefusal extends BadUserRequestException {

  private final List<String> problems;

  public FormRefusal(List<String> problems) {
    super("提交未被接受 Submission refused: " + String.join("；", problems));
    this.problems = List.copyOf(problems);
  }

  public FormRefusal(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
