package org.riskmonitor.form;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a Camunda Form says about one field: its label and the checks the browser makes. The
 * server reads the same file, so the two never disagree on a limit, a choice or a label.
 *
 * @param required   the form's {@code validate.required}
 * @param conditional the form hides the field under a condition; whether it is then required is a
 *                   rule across fields, left to the step's listener
 * @param options    the fixed choices of a select, radio or checklist ({@code values}), empty if none
 * @param optionsKey the variable holding the choices ({@code valuesKey}), or null
 */
public record FieldSpec(String key, String label, String type, boolean required, boolean conditional,
                        Integer minLength, Integer maxLength, Integer min, Integer max, Pattern pattern,
                        List<String> options, String optionsKey, Map<String, FieldSpec> children) {

  /** A field where people type text, as opposed to one whose value is picked (a choice, a number). */
  public boolean typed() {
    return "textfield".equals(type) || "textarea".equals(type);
  }

  /** Whether the generic check must find a value: required and not hidden by a condition. */
  public boolean alwaysRequired() {
    return required && !conditional;
  }

  public FieldSpec child(String childKey) {
    FieldSpec spec = children.get(childKey);
    if (spec == null) {
      throw new IllegalStateException("form list " + key + " has no field " + childKey);
    }
    return spec;
  }
}
