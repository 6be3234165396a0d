package org.riskmonitor.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Chinese locale must follow the English one shipped in the Camunda webjar: a key missing after
 * an upgrade would show English, a lost placeholder would show a sentence without its value.
 */
class TasklistLocaleTest {

  private static final String WEBJAR_APPS = "META-INF/resources/webjars/camunda/app/";
  private static final Path OUR_APPS = Path.of("src/main/resources").resolve(WEBJAR_APPS);

  // angular-translate interpolations, and moment's %s / %d in the tasklist's relative times.
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|%[sd]");

  private static final Pattern AVAILABLE_LOCALES = Pattern.compile("availableLocales\\s*:\\s*\\[([^\\]]*)]");
  private static final Pattern FALLBACK_LOCALE = Pattern.compile("fallbackLocale\\s*:\\s*['\"](\\w+)['\"]");
  private static final Pattern QUOTED = Pattern.compile("['\"](\\w+)['\"]");
  // config.js keeps Camunda's commented-out examples, including a locales block listing de.
  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|(?m)^\\s*//[^\\n]*", Pattern.DOTALL);

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome"})
  void chineseHasExactlyTheShippedEnglishKeys(String app) throws IOException {
    assertThat(leaves(ourChinese(app)).keySet())
        .as("%s zh.json key paths", app)
        .containsExactlyInAnyOrderElementsOf(leaves(shippedEnglish(app)).keySet());
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome"})
  void chineseKeepsEveryPlaceholder(String app) throws IOException {
    Map<String, JsonNode> chinese = leaves(ourChinese(app));
    List<String> lost = new ArrayList<>();
    leaves(shippedEnglish(app)).forEach((path, english) -> {
      Matcher placeholder = PLACEHOLDER.matcher(english.asText());
      while (placeholder.find()) {
        JsonNode translated = chinese.get(path);
        if (translated == null || !translated.asText().contains(placeholder.group())) {
          lost.add(path + " " + placeholder.group());
        }
      }
    });
    assertThat(lost).as("%s placeholders missing from zh.json", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome"})
  void configOffersChineseWithEnglishFallback(String app) throws IOException {
    String config = Files.readString(OUR_APPS.resolve(app + "/scripts/config.js"));
    config = COMMENT.matcher(config).replaceAll("");

    Matcher available = AVAILABLE_LOCALES.matcher(config);
    assertThat(available.find()).as("%s config.js declares availableLocales", app).isTrue();
    assertThat(QUOTED.matcher(available.group(1)).results().map(quoted -> quoted.group(1)))
        .containsExactlyInAnyOrder("zh", "en");

    Matcher fallback = FALLBACK_LOCALE.matcher(config);
    assertThat(fallback.find()).as("%s config.js declares fallbackLocale", app).isTrue();
    assertThat(fallback.group(1)).isEqualTo("en");
  }

  private static JsonNode shippedEnglish(String app) throws IOException {
    String resource = WEBJAR_APPS + app + "/locales/en.json";
    // Take the webjar's copy even if our resources ever override en.json, so the reference stays Camunda's.
    URL url = Collections.list(TasklistLocaleTest.class.getClassLoader().getResources(resource)).stream()
        .filter(candidate -> candidate.toString().contains("camunda-webapp-webjar"))
        .findFirst()
        .orElseThrow(() -> new AssertionError(resource + " not found in camunda-webapp-webjar"));
    try (InputStream in = url.openStream()) {
      return JSON.readTree(in);
    }
  }

  private static JsonNode ourChinese(String app) throws IOException {
    return JSON.readTree(OUR_APPS.resolve(app + "/locales/zh.json").toFile());
  }

  /** Leaf values by dotted path; array elements get their index, so moment's name lists keep their length. */
  private static Map<String, JsonNode> leaves(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    collect("", root, leaves);
    return leaves;
  }

  private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
    String prefix = path.isEmpty() ? "" : path + ".";
    if (node.isObject()) {
      node.properties().forEach(field -> collect(prefix + field.getKey(), field.getValue(), leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(prefix + i, node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }
}
