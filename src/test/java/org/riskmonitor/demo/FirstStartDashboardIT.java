package org.riskmonitor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.riskmonitor.Chromium;
import org.springframework.util.FileSystemUtils;

/**
 * What a newcomer sees after {@code java -jar risk-monitor.jar} in an empty folder: the packaged jar on
 * the default profile (demo on, embedded H2 under the folder's ./data) as a child process. Its first
 * start must be ready soon (the figure is printed; the bound asserted is generous, the machine is
 * shared), and the manager's dashboard must tell a story at first sight: phases that took hours and
 * days, a heatmap of more than one colour, year-on-year cards. A restart on the same folder keeps it.
 */
class FirstStartDashboardIT {

  private static final Path JAR = Path.of(System.getProperty("riskmonitor.jar", "target/risk-monitor.jar")).toAbsolutePath();
  private static final Path LOGS = Path.of("target", "first-start");
  /**
   * Readiness within this, or the test fails. The aim is 45 s, printed as measured; the bound is
   * generous because the machine running the suite is shared, and a loaded one takes minutes.
   */
  private static final Duration READY_WITHIN = Duration.ofSeconds(240);

  private Process server;
  private Chromium chromium;
  private Path folder;

  @AfterEach
  void stop() throws InterruptedException, IOException {
    if (chromium != null) {
      chromium.close();
    }
    stopServer();
    if (folder != null) {
      FileSystemUtils.deleteRecursively(folder);
    }
  }

  @Test
  void firstStartShowsAYearOfWork_andARestartKeepsIt() throws Exception {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: run mvn verify -Pmysql, which packages it first");
    }
    folder = Files.createTempDirectory("risk-monitor-first-start");
    int port = freePort();

    long began = System.nanoTime();
    start(folder, port, "first-start");
    awaitReady(port);
    double seconds = (System.nanoTime() - began) / 1e9;
    System.out.printf("First start of the demo, ready after %.1f s (aim: 45 s)%n", seconds);

    chromium = new Chromium();
    ChromeDriver browser = chromium.browser();
    chromium.login(port, "manager");
    browser.manage().window().setSize(new Dimension(1440, 1500));
    browser.get("http://localhost:" + port + "/dashboard");
    chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#heatmap.drawn")));

    List<WebElement> phases = browser.findElements(By.cssSelector("#phase-times tbody tr"));
    assertThat(phases).as("phases with cycle times").hasSizeGreaterThanOrEqualTo(5);
    for (WebElement phase : phases) {
      double median = Double.parseDouble(phase.findElements(By.tagName("td")).get(2).getText());
      assertThat(median).as("median hours of " + phase.getText()).isGreaterThan(0.0);
    }

    Set<String> colours = new HashSet<>();
    for (Object fill : (List<?>) browser.executeScript("return Array.from(document.querySelectorAll("
        + "'#heatmap .djs-visual > :first-child')).map(s => s.style.fill).filter(f => f)")) {
      colours.add(fill.toString());
    }
    assertThat(colours).as("heatmap colours, fast to slow").hasSizeGreaterThan(1);

    String closed = browser.findElement(By.id("casesClosed")).getText();
    assertThat(Integer.parseInt(closed)).as("cases closed this year").isGreaterThan(100);
    chromium.shoot("first-start-dashboard-1440");
    browser.manage().window().setSize(new Dimension(1024, 1500));
    browser.navigate().refresh();
    chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#heatmap.drawn")));
    chromium.shoot("first-start-dashboard-1024");

    stopServer();
    began = System.nanoTime();
    start(folder, port, "restart");
    awaitReady(port);
    System.out.printf("Restart on the same data, ready after %.1f s%n", (System.nanoTime() - began) / 1e9);
    chromium.login(port, "manager");
    browser.get("http://localhost:" + port + "/dashboard");
    chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#heatmap.drawn")));
    assertThat(browser.findElement(By.id("casesClosed")).getText()).as("cases closed after a restart")
        .isEqualTo(closed);

    // the history reaches back far enough for this year so far and the same months of last year
    List<WebElement> cards = browser.findElements(By.cssSelector("#key-figures .card"));
    assertThat(cards).as("year-on-year cards").isNotEmpty();
    assertThat(cards).allSatisfy(card -> assertThat(card.findElements(By.cssSelector(".value"))).isNotEmpty());
    assertThat(browser.findElements(By.cssSelector("#key-figures .card .change")).stream().map(WebElement::getText))
        .as("a change against the same period a year before")
        .anySatisfy(change -> assertThat(change).containsPattern("\\d+(\\.\\d+)?%"));
  }

  /** The jar as a newcomer runs it: no profile, no arguments but the port, in the given folder. */
  private void start(Path folder, int port, String name) throws IOException {
    Files.createDirectories(LOGS);
    server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        JAR.toString(), "--server.port=" + port)
        .directory(folder.toFile()).redirectErrorStream(true)
        .redirectOutput(LOGS.resolve(name + ".log").toFile()).start();
  }

  /** Ready means the demo data is there: the readiness probe waits for it. */
  private void awaitReady(int port) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
        .timeout(Duration.ofSeconds(5)).build();
    long end = System.nanoTime() + READY_WITHIN.toNanos();
    while (System.nanoTime() < end) {
      if (!server.isAlive()) {
        throw new IllegalStateException("the server exited with " + server.exitValue() + "; see " + LOGS);
      }
      try {
        HttpResponse<String> response = http.send(readiness, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("UP")) {
          return;
        }
      } catch (IOException notYet) {
        // the web server is not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("not ready within " + READY_WITHIN + "; see " + LOGS);
  }

  private void stopServer() throws InterruptedException {
    if (server != null && server.isAlive()) {
      server.destroy();
      if (!server.waitFor(60, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
