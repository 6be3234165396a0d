package org.riskmonitor.checklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.riskmonitor.checklist.Checklists.ItemDraft;

/**
 * The editors' form of a kind's checklist: one row per item (fields {@code area.N}, {@code title.N},
 * {@code method.N}, {@code findingCriterion.N}, {@code remove.N}), blank rows to add items, the
 * version the editor opened and the change note. Rows are numbered in the field names because a
 * repeated field would be split at its commas when only one row is sent.
 */
public record ChecklistEditForm(String editedVersion, String changeNote, List<Row> rows) {

  static final int BLANK_ROWS = 3;
  private static final Pattern ROW_FIELD = Pattern.compile("(?:area|title|method|findingCriterion|remove)\\.(\\d{1,3})");

  /** One row as entered; the area is the name of a {@link CheckArea}, empty when none was chosen. */
  public record Row(String area, String title, String method, String findingCriterion, boolean remove) {

    static Row of(ChecklistItem item) {
      return new Row(item.area().name(), item.title(), item.method(), item.findingCriterion(), false);
    }

    /** A blank row for a new item: left blank, it adds nothing. */
    boolean blank() {
      return area.isBlank() && title.isBlank() && method.isBlank() && findingCriterion.isBlank();
    }

    ItemDraft draft() {
      return new ItemDraft(area(area), title, method, findingCriterion);
    }

    private static CheckArea area(String name) {
      for (CheckArea area : CheckArea.values()) {
        if (area.name().equals(name)) {
          return area;
        }
      }
      return null;
    }
  }

  /** The form of the version in force, with blank rows to add items. */
  static ChecklistEditForm of(Checklist inForce, List<ChecklistItem> items) {
    return new ChecklistEditForm(String.valueOf(inForce.version()), "",
        items.stream().map(Row::of).toList()).withBlankRows();
  }

  /** The form as posted, its rows in their order on the page. */
  static ChecklistEditForm posted(Map<String, String[]> parameters) {
    TreeSet<Integer> numbers = new TreeSet<>();
    for (String name : parameters.keySet()) {
      Matcher field = ROW_FIELD.matcher(name);
      if (field.matches()) {
        numbers.add(Integer.parseInt(field.group(1)));
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int n : numbers) {
      rows.add(new Row(value(parameters, "area." + n), value(parameters, "title." + n), value(parameters, "method." + n),
          value(parameters, "findingCriterion." + n), parameters.containsKey("remove." + n)));
    }
    return new ChecklistEditForm(value(parameters, "editedVersion"), value(parameters, "changeNote"), rows);
  }

  /** The items of the next version: the rows neither removed nor left blank. */
  List<ItemDraft> drafts() {
    return kept().stream().map(Row::draft).toList();
  }

  /** The version the editor opened; -1 if the field was tampered with, which reads as a stale edit. */
  int editedVersionNumber() {
    try {
      return Integer.parseInt(editedVersion.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * The form shown again after a refusal: the kept rows, so the numbers in the problems ("Item 3")
   * are the rows' numbers on the page, then blank rows.
   */
  ChecklistEditForm refused() {
    return new ChecklistEditForm(editedVersion, changeNote, kept()).withBlankRows();
  }

  private List<Row> kept() {
    return rows.stream().filter(row -> !row.remove() && !row.blank()).toList();
  }

  private ChecklistEditForm withBlankRows() {
    List<Row> withBlanks = new ArrayList<>(rows);
    for (int i = 0; i < BLANK_ROWS; i++) {
      withBlanks.add(new Row("", "", "", "", false));
    }
    return new ChecklistEditForm(editedVersion, changeNote, withBlanks);
  }

  private static String value(Map<String, String[]> parameters, String name) {
    String[] values = parameters.get(name);
    return values == null || values.length == 0 || values[0] == null ? "" : values[0];
  }
}
