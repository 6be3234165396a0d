package org.riskmonitor.input;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submission the server will not accept. Thrown inside the engine's transaction, so the task
 * stays open and nothing the listener wrote survives. As a form-field validation failure it
 * reaches REST clients, Tasklist among them, as HTTP 400 with this message.
 */
public class FormRefusal extends FormFieldValidationException {

  private final List<String> problems;

  public FormRefusal(List<String> problems) {
    super("riskmonitor", "提交未被接受 Submission refused: " + String.join("；", problems));
    this.problems = List.copyOf(problems);
  }

  public FormRefusal(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
