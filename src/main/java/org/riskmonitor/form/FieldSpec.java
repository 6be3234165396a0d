package org.riskmonitor.form;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a Camunda Form says about one field: its label and the checks the browser makes. The
 * server reads the same file, so the two never disagree on a limit or a label.
 */
public record FieldSpec(String key, String label, String type, Integer maxLength, Integer min, Pattern pattern,
                        Map<String, FieldSpec> children) {

  /** A field where people type text, as opposed to one whose value is picked (a choice, a number). */
  public boolean typed() {
    return "textfield".equals(type) || "textarea".equals(type);
  }

  public FieldSpec child(String childKey) {
    FieldSpec spec = children.get(childKey);
    if (spec == null) {
      throw new IllegalStateException("form list " + key + " has no field " + childKey);
    }
    return spec;
  }
}
