package org.riskmonitor.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on uploaded documents. Spring's multipart limits ({@code spring.servlet.multipart})
 * must stay above {@code maxSize}: an upload Spring cuts off gets Spring's answer, not ours.
 */
@ConfigurationProperties("riskmonitor.documents")
public record DocumentLimits(@DefaultValue("20MB") DataSize maxSize) {

  /** The limit as people read it: "20MB" rather than "20971520B". */
  String maxSizeText() {
    long bytes = maxSize.toBytes();
    if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
      return maxSize.toMegabytes() + "MB";
    }
    if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
      return maxSize.toKilobytes() + "KB";
    }
    return bytes + "B";
  }
}
