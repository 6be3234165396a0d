package org.riskmonitor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a benchmark writes to target/bench/NAME.json: when, on what machine, and its figures. */
final class BenchReport {

  static Map<String, Object> machine() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("memoryGiB", memoryGiB());
    machine.put("loadAverageAtStart", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    machine.put("java", System.getProperty("java.version"));
    return machine;
  }

  static void write(String name, Map<String, Object> figures) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("benchmark", name);
    report.put("finishedAt", OffsetDateTime.now().toString());
    report.putAll(figures);
    Path file = Path.of("target", "bench", name + ".json");
    try {
      Files.createDirectories(file.getParent());
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + file, e);
    }
    System.out.println("Written " + file.toAbsolutePath());
  }

  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  private static long memoryGiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0);
        }
      }
    } catch (IOException e) {
      // not Linux: the figure is simply left out
    }
    return -1;
  }

  private BenchReport() {
  }
}
