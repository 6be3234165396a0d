package org.riskmonitor.bulletin;

import org.riskmonitor.publication.PublicPreview;

/** What the expert's and the manager's forms show of a bulletin, as Markdown with every value escaped. */
final class BulletinText {

  private BulletinText() {
  }

  static String figures(Bulletin b) {
    StringBuilder text = new StringBuilder();
    for (String line : b.figuresText().split("\n")) {
      text.append("- ").append(PublicPreview.literal(line)).append('\n');
    }
    return text.toString();
  }

  static String written(Bulletin b) {
    return "**形势分析 Analysis**\n\n" + PublicPreview.literal(b.analysis()) + "\n\n**对策建议 Countermeasures**\n\n"
        + PublicPreview.literal(b.countermeasures());
  }
}
