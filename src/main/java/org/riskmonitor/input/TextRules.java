package org.riskmonitor.input;

import java.util.regex.Pattern;

/**
 * What no text we accept may contain, whatever its field. Markup: case texts reach notices, mails
 * and public announcements, so a tag is refused rather than trusted to be escaped everywhere.
 * Characters outside the Basic Multilingual Plane (emoji): the engine's MySQL tables are 3-byte
 * utf8 and would fail on them. Control characters: no person types them.
 */
public final class TextRules {

  private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z!/?]");

  private TextRules() {
  }

  /** The problem with the text, to follow its field's label; null if there is none. */
  public static String problem(String text) {
    if (MARKUP.matcher(text).find()) {
      return "不得包含HTML标记 must not contain HTML markup";
    }
    if (text.codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
      return "不支持表情符号等四字节字符 emoji and other 4-byte characters are not supported";
    }
    if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
      return "不得包含控制字符 must not contain control characters";
    }
    return null;
  }
}
