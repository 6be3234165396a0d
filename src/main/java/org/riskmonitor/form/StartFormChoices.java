package org.riskmonitor.form;

import java.util.List;
import java.util.Map;

/**
 * The live choices of a process's start form. Tasklist loads variables for a task's form only,
 * never for a start form, so a start form's select cannot take its options from a variable; the
 * engine API guard writes these choices into the form when Tasklist loads it instead.
 */
public interface StartFormChoices {

  /** The process whose start form this fills. */
  String processKey();

  /** By the {@code valuesKey} of a select: its options, value to label, in order. */
  Map<String, Map<String, String>> optionLists();

  /**
   * Lists of values the form's FEEL expressions name (e.g. {@code componentLineIds} in a
   * {@code conditional.hide}); each name is replaced by the list's literal.
   */
  Map<String, List<String>> valueLists();
}
