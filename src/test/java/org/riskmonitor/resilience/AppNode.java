package org.riskmonitor.resilience;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Risk Monitor server started from the built jar as a child process on the mysql profile,
 * as an operator would run it, with the demo people seeded (no demo cases) so real users can
 * log in. Its output goes to target/resilience/NAME.log.
 */
final class AppNode implements AutoCloseable {

  static final String ADMIN_PASSWORD = "Risk-Monitor-Test-2026!";
  private static final Path JAR = Path.of(System.getProperty("riskmonitor.jar", "target/risk-monitor.jar"));
  private static final Path LOGS = Path.of("target", "resilience");

  private final String name;
  private final int port;
  private final Process process;

  private AppNode(String name, int port, Process process) {
    this.name = name;
    this.port = port;
    this.process = process;
  }

  /**
   * Starts a node with its job executor on. {@code extraArgs} are more Spring properties
   * ({@code --key=value}).
   */
  static AppNode start(String name, TestDatabase database, List<String> extraArgs) throws IOException {
    return start(name, database, extraArgs, JAR);
  }

  /** The same, from another build's jar (the previous release, to make the upgrade test's dump). */
  static AppNode start(String name, TestDatabase database, List<String> extraArgs, Path jar) throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run mvn verify -Pmysql, which packages it first");
    }
    Files.createDirectories(LOGS);
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
        "--spring.profiles.active=mysql",
        "--server.port=" + port,
        // the demo people, so real users log in; the tests open their own cases
        "--riskmonitor.demo.enabled=true",
        "--riskmonitor.demo.seed=people",
        "--camunda.bpm.job-execution.enabled=true",
        // the engine writes this into the job log, so the test sees which node ran a job
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        // poll often, so that a job created on one node is soon seen by the other
        "--camunda.bpm.job-execution.wait-time-in-millis=500",
        "--camunda.bpm.job-execution.max-wait=1000",
        "--camunda.bpm.job-execution.max-jobs-per-acquisition=2",
        "--logging.level.root=WARN",
        "--logging.level.org.riskmonitor=INFO"));
    command.addAll(extraArgs);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve(name + ".log").toFile()));
    builder.environment().put("RISKMONITOR_DB_URL", database.url());
    builder.environment().put("RISKMONITOR_DB_USER", database.user());
    builder.environment().put("RISKMONITOR_DB_PASSWORD", database.password());
    builder.environment().put("RISKMONITOR_ADMIN_PASSWORD", ADMIN_PASSWORD);
    return new AppNode(name, port, builder.start());
  }

  /** Waits until the server answers and the demo people exist (they are seeded after deployment). */
  AppNode awaitReady(Duration timeout) throws InterruptedException {
    Rest rest = rest();
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + LOGS.resolve(name + ".log"));
      }
      if (rest.status(Rest.ADMIN, "/engine-rest/user/coordinator/profile") == 200) {
        return this;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(name + " not ready after " + timeout + "; see " + LOGS.resolve(name + ".log"));
  }

  Rest rest() {
    return new Rest("http://127.0.0.1:" + port);
  }

  String name() {
    return name;
  }

  /** SIGKILL: no shutdown hook, no transaction finished, no connection closed politely. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + " survived SIGKILL");
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
