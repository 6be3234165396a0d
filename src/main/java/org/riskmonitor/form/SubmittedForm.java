package org.riskmonitor.form;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads the values a form submitted and checks each one again on the server, whatever the
 * browser already checked. Problems are collected so the user sees all of them at once;
 * {@link #verify()} refuses the submission if there is any.
 */
public final class SubmittedForm {

  public static final int SHORT_TEXT = 200;
  public static final int LONG_TEXT = 4000;

  private final VariableScope values;
  private final List<String> problems = new ArrayList<>();

  public SubmittedForm(VariableScope values) {
    this.values = values;
  }

  public String text(String key, String label) {
    return text(key, label, SHORT_TEXT);
  }

  public String text(String key, String label, int maxLength) {
    String value = optionalText(key, label, maxLength);
    if (value == null) {
      problems.add(label + "：必填 required");
    }
    return value;
  }

  public String optionalText(String key, String label) {
    return optionalText(key, label, SHORT_TEXT);
  }

  public String optionalText(String key, String label, int maxLength) {
    Object raw = values.getVariable(key);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String s)) {
      problems.add(label + "：应为文字 must be text");
      return null;
    }
    String trimmed = s.strip();
    if (trimmed.isEmpty()) {
      return null;
    }
    if (trimmed.length() > maxLength) {
      problems.add(label + "：不得超过" + maxLength + "个字符 at most " + maxLength + " characters");
      return null;
    }
    return trimmed;
  }

  /** A whole number of at least {@code min}; accepts any integral number type or its digits. */
  public Integer wholeNumber(String key, String label, int min) {
    Object raw = values.getVariable(key);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      problems.add(label + "：必填 required");
      return null;
    }
    Long number = null;
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
      number = ((Number) raw).longValue();
    } else if (raw instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      number = d.longValue();
    } else if (raw instanceof String s && s.strip().matches("-?\\d{1,9}")) {
      number = Long.parseLong(s.strip());
    }
    if (number == null || number > Integer.MAX_VALUE) {
      problems.add(label + "：应为整数 must be a whole number");
      return null;
    }
    if (number < min) {
      problems.add(label + "：不得小于" + min + " must be at least " + min);
      return null;
    }
    return number.intValue();
  }

  /** A calendar date; form-js sends {@code yyyy-MM-dd}, the Java API may send a Date. */
  public LocalDate date(String key, String label) {
    Object raw = values.getVariable(key);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      problems.add(label + "：必填 required");
      return null;
    }
    if (raw instanceof Date d) {
      return d.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }
    if (raw instanceof String s) {
      String text = s.strip();
      try {
        return text.length() > 10 ? OffsetDateTime.parse(text).toLocalDate() : LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    problems.add(label + "：应为日期 yyyy-MM-dd must be a date");
    return null;
  }

  public LocalDate dateNotAfter(String key, String label, LocalDate latest) {
    LocalDate date = date(key, label);
    if (date != null && date.isAfter(latest)) {
      problems.add(label + "：不得晚于" + latest + " must not be after " + latest);
      return null;
    }
    return date;
  }

  /** A checkbox that must be ticked, such as a confirmation. */
  public boolean ticked(String key, String label) {
    Object raw = values.getVariable(key);
    boolean ticked = Boolean.TRUE.equals(raw) || "true".equals(raw);
    if (!ticked) {
      problems.add(label + "：须勾选确认 must be ticked");
    }
    return ticked;
  }

  public boolean optionalTick(String key, String label) {
    Object raw = values.getVariable(key);
    if (raw == null || raw instanceof Boolean || "true".equals(raw) || "false".equals(raw)) {
      return Boolean.TRUE.equals(raw) || "true".equals(raw);
    }
    problems.add(label + "：应为是或否 must be yes or no");
    return false;
  }

  /** One of the codes of an enumeration. */
  public <E extends Enum<E>> E choice(String key, String label, Class<E> codes) {
    String code = text(key, label, 40);
    if (code == null) {
      return null;
    }
    try {
      return Enum.valueOf(codes, code);
    } catch (IllegalArgumentException e) {
      problems.add(label + "：不是可选的值 not one of the choices");
      return null;
    }
  }

  /** One of the given values, e.g. the ids of an option list built from our tables. */
  public String oneOf(String key, String label, Collection<String> allowed) {
    String value = text(key, label, 64);
    if (value != null && !allowed.contains(value)) {
      problems.add(label + "：不是可选的值 not one of the choices");
      return null;
    }
    return value;
  }

  /** A multi-choice list (form-js checklist, sent as a Json array of strings). */
  public <E extends Enum<E>> List<E> choices(String key, String label, Class<E> codes, boolean required) {
    List<E> chosen = new ArrayList<>();
    for (String code : strings(key, label)) {
      try {
        chosen.add(Enum.valueOf(codes, code));
      } catch (IllegalArgumentException e) {
        problems.add(label + "：不是可选的值 not one of the choices");
        return List.of();
      }
    }
    if (required && chosen.isEmpty()) {
      problems.add(label + "：至少选择一项 choose at least one");
    }
    return chosen;
  }

  public List<String> strings(String key, String label) {
    Object raw = values.getVariable(key);
    if (raw == null) {
      return List.of();
    }
    List<String> result = new ArrayList<>();
    if (raw instanceof SpinJsonNode json && json.isArray()) {
      for (SpinJsonNode element : json.elements()) {
        if (!element.isString()) {
          problems.add(label + "：格式不正确 wrong format");
          return List.of();
        }
        result.add(element.stringValue());
      }
    } else if (raw instanceof Collection<?> list) {
      for (Object element : list) {
        if (!(element instanceof String s)) {
          problems.add(label + "：格式不正确 wrong format");
          return List.of();
        }
        result.add(s);
      }
    } else {
      problems.add(label + "：格式不正确 wrong format");
      return List.of();
    }
    return result;
  }

  /**
   * The rows of a dynamic list (sent as a Json array of objects). Each row is read through a
   * {@link Row}, which reports problems with the row number.
   */
  public <T> List<T> rows(String key, String label, int minRows, int maxRows, Function<Row, T> reader) {
    Object raw = values.getVariable(key);
    List<Map<String, Object>> maps = new ArrayList<>();
    if (raw instanceof SpinJsonNode json && json.isArray()) {
      for (SpinJsonNode element : json.elements()) {
        if (!element.isObject()) {
          problems.add(label + "：格式不正确 wrong format");
          return List.of();
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (String field : element.fieldNames()) {
          SpinJsonNode value = element.prop(field);
          row.put(field, value.isString() ? value.stringValue()
              : value.isNumber() ? value.numberValue()
              : value.isBoolean() ? value.boolValue()
              : value.isNull() ? null : value.toString());
        }
        maps.add(row);
      }
    } else if (raw instanceof List<?> list) {
      for (Object element : list) {
        if (!(element instanceof Map<?, ?> map)) {
          problems.add(label + "：格式不正确 wrong format");
          return List.of();
        }
        Map<String, Object> row = new LinkedHashMap<>();
        map.forEach((k, v) -> row.put(String.valueOf(k), v));
        maps.add(row);
      }
    } else if (raw != null) {
      problems.add(label + "：格式不正确 wrong format");
      return List.of();
    }
    if (maps.size() < minRows) {
      problems.add(label + "：至少填写" + minRows + "行 at least " + minRows + " row(s)");
      return List.of();
    }
    if (maps.size() > maxRows) {
      problems.add(label + "：不得超过" + maxRows + "行 at most " + maxRows + " rows");
      return List.of();
    }
    List<T> result = new ArrayList<>();
    for (int i = 0; i < maps.size(); i++) {
      result.add(reader.apply(new Row(label + " 第" + (i + 1) + "行 row " + (i + 1), maps.get(i))));
    }
    return result;
  }

  /** Records a problem that depends on several values. */
  public void refuseIf(boolean condition, String problem) {
    if (condition) {
      problems.add(problem);
    }
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** Refuses the whole submission if any value was wrong. */
  public void verify() {
    if (!problems.isEmpty()) {
      throw new FormRefusal(problems);
    }
  }

  /** One row of a dynamic list. */
  public final class Row {
    private final String label;
    private final Map<String, Object> fields;

    Row(String label, Map<String, Object> fields) {
      this.label = label;
      this.fields = fields;
    }

    public String text(String key, String fieldLabel, int maxLength) {
      Object raw = fields.get(key);
      String value = raw instanceof String s ? s.strip() : raw instanceof Number n ? n.toString() : null;
      if (raw != null && value == null) {
        problems.add(label + " " + fieldLabel + "：应为文字 must be text");
        return null;
      }
      if (value == null || value.isEmpty()) {
        problems.add(label + " " + fieldLabel + "：必填 required");
        return null;
      }
      if (value.length() > maxLength) {
        problems.add(label + " " + fieldLabel + "：不得超过" + maxLength + "个字符 at most " + maxLength + " characters");
        return null;
      }
      return value;
    }

    public <E extends Enum<E>> E choice(String key, String fieldLabel, Class<E> codes) {
      String code = text(key, fieldLabel, 40);
      if (code == null) {
        return null;
      }
      try {
        return Enum.valueOf(codes, code);
      } catch (IllegalArgumentException e) {
        problems.add(label + " " + fieldLabel + "：不是可选的值 not one of the choices");
        return null;
      }
    }

    public String oneOf(String key, String fieldLabel, Set<String> allowed) {
      String value = text(key, fieldLabel, 40);
      if (value != null && !allowed.contains(value)) {
        problems.add(label + " " + fieldLabel + "：不是可选的值 not one of the choices");
        return null;
      }
      return value;
    }

    public void refuseIf(boolean condition, String problem) {
      if (condition) {
        problems.add(label + " " + problem);
      }
    }
  }
}
