package org.riskmonitor.officialdocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of one kind of document, kept in {@code official-documents/<kind>.txt}: a header of
 * {@code name: value} lines (title, English title, number prefix, legal basis), a line {@code ---},
 * then the body, one paragraph a line. {@code ${name}} is a value of the case; a body line naming a
 * value the case does not have is left out (a conforming result has no failed items and no
 * objection deadline). Lines starting with {@code #} are notes for whoever edits the wording.
 */
public record DocumentTemplate(String kind, Map<String, String> header, List<String> body) {

  private static final Pattern FIELD = Pattern.compile("\\$\\{(\\w+)}");

  public static DocumentTemplate load(OfficialDocumentKind kind) {
    String path = "/official-documents/" + kind.template() + ".txt";
    try (InputStream in = DocumentTemplate.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("template " + path + " is missing");
      }
      return parse(kind.template(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DocumentTemplate parse(String kind, String text) {
    Map<String, String> header = new HashMap<>();
    List<String> body = new ArrayList<>();
    boolean inBody = false;
    for (String line : text.split("\\R")) {
      if (line.startsWith("#")) {
        continue;
      }
      if (!inBody) {
        if (line.strip().equals("---")) {
          inBody = true;
        } else if (!line.isBlank()) {
          int colon = line.indexOf(':');
          if (colon < 0) {
            throw new IllegalStateException("template " + kind + ": header line without a name: " + line);
          }
          header.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
      } else if (!line.isBlank()) {
        body.add(line.strip());
      }
    }
    for (String required : List.of("title", "title-en", "number-prefix", "legal-basis")) {
      if (!header.containsKey(required)) {
        throw new IllegalStateException("template " + kind + " has no " + required);
      }
    }
    return new DocumentTemplate(kind, Map.copyOf(header), List.copyOf(body));
  }

  public String title() {
    return header.get("title");
  }

  public String englishTitle() {
    return header.get("title-en");
  }

  public String numberPrefix() {
    return header.get("number-prefix");
  }

  public String legalBasis() {
    return header.get("legal-basis");
  }

  /** The body's paragraphs with the case's values in; a value of several lines gives several paragraphs. */
  public List<String> paragraphs(Map<String, String> values) {
    List<String> paragraphs = new ArrayList<>();
    for (String line : body) {
      String filled = fill(line, values);
      if (filled != null) {
        paragraphs.addAll(List.of(filled.split("\n")));
      }
    }
    return paragraphs;
  }

  /** The line with its values in, or null when one of them is missing or blank. */
  static String fill(String line, Map<String, String> values) {
    Matcher m = FIELD.matcher(line);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null || value.isBlank()) {
        return null;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
