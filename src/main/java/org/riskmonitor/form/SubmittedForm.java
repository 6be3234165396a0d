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
import java.util.function.Consumer;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.input.TextRules;

/**
 * Reads the values a form submitted and checks each one again on the server, whatever the
 * browser already checked. Labels, lengths, patterns and minimums come from the form itself.
 * Problems are collected so the user sees all of them at once; {@link #verify()} refuses the
 * submission if there is any.
 */
public final class SubmittedForm {

  /** For fields whose form sets no length (choices, ids). */
  static final int DEFAULT_MAX_LENGTH = 200;

  private final VariableScope values;
  private final Map<String, FieldSpec> fields;
  /** The regulator's time zone: a Date given for a date field is read as a day there. */
  private final ZoneId zone;
  private final Consumer<Map<String, Object>> onAccepted;
  private final List<String> problems = new ArrayList<>();

  SubmittedForm(VariableScope values, Map<String, FieldSpec> fields, ZoneId zone,
                Consumer<Map<String, Object>> onAccepted) {
    this.values = values;
    this.fields = fields;
    this.zone = zone;
    this.onAccepted = onAccepted;
    fields.values().forEach(this::checkAsTheFormSays);
  }

  /**
   * The one generic check every completion passes: each field of the form against what the form
   * file declares (required, type, choices, lengths, pattern, minimum and maximum). A listener
   * reading a value afterwards finds the same problems, which are reported once.
   */
  private void checkAsTheFormSays(FieldSpec spec) {
    String key = spec.key();
    Object raw = values.getVariable(key);
    boolean empty = raw == null || (raw instanceof String s && s.isBlank());
    switch (spec.type()) {
      case "textfield", "textarea" -> {
        if (spec.alwaysRequired()) {
          text(key);
        } else {
          optionalText(key);
        }
      }
      case "number" -> {
        if (spec.alwaysRequired() || !empty) {
          wholeNumber(key);
        }
      }
      case "datetime" -> {
        if (spec.alwaysRequired() || !empty) {
          date(key);
        }
      }
      case "select", "radio" -> {
        String value = spec.alwaysRequired() ? text(key) : optionalText(key);
        List<String> choices = choicesOf(spec);
        if (value != null && choices != null && !choices.contains(value)) {
          problem(spec.label() + "：不是可选的值 not one of the choices");
        }
      }
      case "checkbox" -> {
        if (spec.alwaysRequired()) {
          ticked(key);
        } else {
          optionalTick(key);
        }
      }
      case "checklist" -> {
        List<String> chosen = strings(key);
        List<String> choices = choicesOf(spec);
        if (choices != null && !choices.containsAll(chosen)) {
          problem(spec.label() + "：不是可选的值 not one of the choices");
        } else if (chosen.isEmpty() && spec.alwaysRequired() && !reported(key)) {
          problem(spec.label() + "：至少选择一项 choose at least one");
        }
      }
      case "dynamiclist" -> rows(key, 0, Integer.MAX_VALUE, row -> {
        spec.children().values().forEach(row::checkAsTheFormSays);
        return null;
      });
      default -> throw new IllegalStateException("no generic check for a " + spec.type() + " field: " + key);
    }
  }

  /**
   * The values a choice may take: the form's own, or those of the option list it names (a Json
   * array of value and label, see OptionList); null if neither is there to compare with.
   */
  private List<String> choicesOf(FieldSpec spec) {
    if (!spec.options().isEmpty()) {
      return spec.options();
    }
    if (spec.optionsKey() != null && values.getVariable(spec.optionsKey()) instanceof SpinJsonNode list && list.isArray()) {
      return list.elements().stream().map(option -> option.prop("value"))
          .map(value -> value.isString() ? value.stringValue() : String.valueOf(value.value())).toList();
    }
    return null;
  }

  public String text(String key) {
    String value = optionalText(key);
    if (value == null && !reported(key)) {
      required(spec(key));
    }
    return value;
  }

  public String optionalText(String key) {
    FieldSpec spec = spec(key);
    return checkText(spec, values.getVariable(key), spec.label());
  }

  /** A field the form shows only in some cases (e.g. a reason when rejecting), required in those. */
  public String textRequiredWhen(boolean required, String key) {
    String value = optionalText(key);
    if (required && value == null && !reported(key)) {
      required(spec(key));
    }
    return required ? value : null;
  }

  /** A whole number of at least the form's minimum; accepts any integral number type or its digits. */
  public Integer wholeNumber(String key) {
    FieldSpec spec = spec(key);
    Object raw = values.getVariable(key);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      return required(spec);
    }
    Long number = null;
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
      number = ((Number) raw).longValue();
    } else if (raw instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e10) {
      number = d.longValue();
    } else if (raw instanceof String s && s.strip().matches("-?\\d{1,9}")) {
      number = Long.parseLong(s.strip());
    }
    if (number == null || number > Integer.MAX_VALUE) {
      return problem(spec.label() + "：应为整数 must be a whole number");
    }
    int min = spec.min() == null ? Integer.MIN_VALUE : spec.min();
    if (number < min) {
      return problem(spec.label() + "：不得小于" + min + " must be at least " + min);
    }
    if (spec.max() != null && number > spec.max()) {
      return problem(spec.label() + "：不得大于" + spec.max() + " must be at most " + spec.max());
    }
    return number.intValue();
  }

  /** A calendar date; form-js sends {@code yyyy-MM-dd}, the Java API may send a Date. */
  public LocalDate date(String key) {
    FieldSpec spec = spec(key);
    Object raw = values.getVariable(key);
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      return required(spec);
    }
    if (raw instanceof Date d) {
      return d.toInstant().atZone(zone).toLocalDate();
    }
    if (raw instanceof String s && s.length() <= 40) {
      String text = s.strip();
      try {
        return text.length() > 10 ? OffsetDateTime.parse(text).toLocalDate() : LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    return problem(spec.label() + "：应为日期 yyyy-MM-dd must be a date");
  }

  public LocalDate dateNotAfter(String key, LocalDate latest) {
    LocalDate date = date(key);
    if (date != null && date.isAfter(latest)) {
      return problem(spec(key).label() + "：不得晚于" + latest + " must not be after " + latest);
    }
    return date;
  }

  public LocalDate dateNotBefore(String key, LocalDate earliest) {
    LocalDate date = date(key);
    if (date != null && date.isBefore(earliest)) {
      return problem(spec(key).label() + "：不得早于" + earliest + " must not be before " + earliest);
    }
    return date;
  }

  /** A checkbox that must be ticked, such as a confirmation. */
  public boolean ticked(String key) {
    boolean ticked = optionalTick(key);
    if (!ticked && !reported(key)) {
      problem(spec(key).label() + "：须勾选确认 must be ticked");
    }
    return ticked;
  }

  public boolean optionalTick(String key) {
    Object raw = values.getVariable(key);
    if (raw == null || raw instanceof Boolean || "true".equals(raw) || "false".equals(raw)) {
      return Boolean.TRUE.equals(raw) || "true".equals(raw);
    }
    problem(spec(key).label() + "：应为是或否 must be yes or no");
    return false;
  }

  /** One of the codes of an enumeration. */
  public <E extends Enum<E>> E choice(String key, Class<E> codes) {
    String code = text(key);
    return code == null ? null : toCode(code, codes, spec(key).label());
  }

  /** One of the given values, e.g. the ids of an option list built from our tables. */
  public String oneOf(String key, Collection<String> allowed) {
    String value = text(key);
    if (value != null && !allowed.contains(value)) {
      return problem(spec(key).label() + "：不是可选的值 not one of the choices");
    }
    return value;
  }

  public String optionalOneOf(String key, Collection<String> allowed) {
    String value = optionalText(key);
    if (value != null && !allowed.contains(value)) {
      return problem(spec(key).label() + "：不是可选的值 not one of the choices");
    }
    return value;
  }

  /** A multi-choice list (form-js checklist, sent as a Json array of strings); at least one. */
  public <E extends Enum<E>> List<E> choices(String key, Class<E> codes) {
    List<E> chosen = new ArrayList<>();
    for (String code : strings(key)) {
      E value = toCode(code, codes, spec(key).label());
      if (value == null) {
        return List.of();
      }
      chosen.add(value);
    }
    if (chosen.isEmpty() && !reported(key)) {
      problem(spec(key).label() + "：至少选择一项 choose at least one");
    }
    return chosen;
  }

  public List<String> strings(String key) {
    String label = spec(key).label();
    Object raw = values.getVariable(key);
    List<String> result = new ArrayList<>();
    Iterable<?> elements;
    if (raw == null) {
      return result;
    } else if (raw instanceof SpinJsonNode json && json.isArray()) {
      elements = json.elements().stream().map(e -> e.isString() ? e.stringValue() : e).toList();
    } else if (raw instanceof Collection<?> list) {
      elements = list;
    } else {
      problem(label + "：格式不正确 wrong format");
      return List.of();
    }
    for (Object element : elements) {
      if (!(element instanceof String s) || s.length() > DEFAULT_MAX_LENGTH) {
        problem(label + "：格式不正确 wrong format");
        return List.of();
      }
      result.add(s);
    }
    return result;
  }

  /**
   * The rows of a dynamic list (sent as a Json array of objects). Each row is read through a
   * {@link Row}, which reports problems with the row number; a reader returns null for a bad row.
   */
  public <T> List<T> rows(String key, int minRows, int maxRows, Function<Row, T> reader) {
    FieldSpec list = spec(key);
    Object raw = values.getVariable(key);
    List<Map<String, Object>> maps = new ArrayList<>();
    if (raw instanceof SpinJsonNode json && json.isArray()) {
      for (SpinJsonNode element : json.elements()) {
        if (!element.isObject()) {
          problem(list.label() + "：格式不正确 wrong format");
          return List.of();
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (String field : element.fieldNames()) {
          SpinJsonNode value = element.prop(field);
          row.put(field, value.isString() ? value.stringValue()
              : value.isNumber() ? value.numberValue()
              : value.isBoolean() ? value.boolValue()
              : value.isNull() ? null : value);
        }
        maps.add(row);
      }
    } else if (raw instanceof List<?> elements) {
      for (Object element : elements) {
        if (!(element instanceof Map<?, ?> map)) {
          problem(list.label() + "：格式不正确 wrong format");
          return List.of();
        }
        Map<String, Object> row = new LinkedHashMap<>();
        map.forEach((k, v) -> row.put(String.valueOf(k), v));
        maps.add(row);
      }
    } else if (raw != null) {
      problem(list.label() + "：格式不正确 wrong format");
      return List.of();
    }
    if (maps.size() < minRows) {
      problem(list.label() + "：至少填写" + minRows + "行 at least " + minRows + " row(s)");
      return List.of();
    }
    if (maps.size() > maxRows) {
      problem(list.label() + "：不得超过" + maxRows + "行 at most " + maxRows + " rows");
      return List.of();
    }
    List<T> result = new ArrayList<>();
    for (int i = 0; i < maps.size(); i++) {
      result.add(reader.apply(new Row(list, i + 1, maps.get(i))));
    }
    return result;
  }

  /** Records a problem that depends on several values. */
  public void refuseIf(boolean condition, String problem) {
    if (condition) {
      problem(problem);
    }
  }

  public String label(String key) {
    return spec(key).label();
  }

  /** Refuses the whole submission if any value was wrong; otherwise it is accepted (and audited). */
  public void verify() {
    if (!problems.isEmpty()) {
      throw new FormRefusal(problems);
    }
    Map<String, Object> submitted = new LinkedHashMap<>();
    for (String key : fields.keySet()) {
      Object value = values.getVariable(key);
      if (value != null) {
        submitted.put(key, value instanceof SpinJsonNode json ? json.toString() : value);
      }
    }
    onAccepted.accept(submitted);
  }

  private FieldSpec spec(String key) {
    FieldSpec spec = fields.get(key);
    if (spec == null) {
      throw new IllegalStateException("the form has no field " + key);
    }
    return spec;
  }

  private String checkText(FieldSpec spec, Object raw, String label) {
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String s)) {
      return problem(label + "：应为文字 must be text");
    }
    String trimmed = s.strip();
    if (trimmed.isEmpty()) {
      return null;
    }
    int maxLength = spec.maxLength() == null ? DEFAULT_MAX_LENGTH : spec.maxLength();
    if (trimmed.length() > maxLength) {
      return problem(label + "：不得超过" + maxLength + "个字符 at most " + maxLength + " characters");
    }
    if (spec.minLength() != null && trimmed.length() < spec.minLength()) {
      return problem(label + "：不得少于" + spec.minLength() + "个字符 at least " + spec.minLength() + " characters");
    }
    if (spec.pattern() != null && !spec.pattern().matcher(trimmed).matches()) {
      return problem(label + "：格式不正确 wrong format");
    }
    String unacceptable = TextRules.problem(trimmed);
    if (unacceptable != null) {
      return problem(label + "：" + unacceptable);
    }
    return trimmed;
  }

  private <E extends Enum<E>> E toCode(String code, Class<E> codes, String label) {
    try {
      return Enum.valueOf(codes, code);
    } catch (IllegalArgumentException e) {
      return problem(label + "：不是可选的值 not one of the choices");
    }
  }

  /** Whether a problem with this field's label was already reported, so one field gets one message. */
  private boolean reported(String key) {
    String label = spec(key).label();
    return problems.stream().anyMatch(p -> p.startsWith(label + "："));
  }

  private <T> T required(FieldSpec spec) {
    return problem(spec.label() + "：必填 required");
  }

  /** A problem is reported once, whether the generic check or the listener found it first. */
  private <T> T problem(String message) {
    if (!problems.contains(message)) {
      problems.add(message);
    }
    return null;
  }

  /** One row of a dynamic list. */
  public final class Row {
    private final FieldSpec list;
    private final String prefix;
    private final Map<String, Object> cells;

    Row(FieldSpec list, int number, Map<String, Object> cells) {
      this.list = list;
      this.prefix = list.label() + " 第" + number + "行 row " + number + " ";
      this.cells = cells;
    }

    public String text(String key) {
      String label = prefix + list.child(key).label();
      String value = optionalText(key);
      if (value == null && problems.stream().noneMatch(p -> p.startsWith(label + "："))) {
        return problem(label + "：必填 required");
      }
      return value;
    }

    public String optionalText(String key) {
      FieldSpec spec = list.child(key);
      Object raw = cells.get(key);
      // a picked value may arrive as a number (form-js sends numeric option values so); typed text may not
      return checkText(spec, raw instanceof Number n && !spec.typed() ? n.toString() : raw, prefix + spec.label());
    }

    /** The generic check of one cell: text, or a choice among the form's own values. */
    void checkAsTheFormSays(FieldSpec spec) {
      String value = spec.alwaysRequired() ? text(spec.key()) : optionalText(spec.key());
      if (value != null && !spec.options().isEmpty() && !spec.options().contains(value)) {
        problem(prefix + spec.label() + "：不是可选的值 not one of the choices");
      }
    }

    public <E extends Enum<E>> E choice(String key, Class<E> codes) {
      String code = text(key);
      return code == null ? null : toCode(code, codes, prefix + list.child(key).label());
    }

    public String oneOf(String key, Collection<String> allowed) {
      String value = text(key);
      if (value != null && !allowed.contains(value)) {
        return problem(prefix + list.child(key).label() + "：不是可选的值 not one of the choices");
      }
      return value;
    }

    public void refuseIf(boolean condition, String problem) {
      if (condition) {
        problem(prefix + problem);
      }
    }
  }
}
