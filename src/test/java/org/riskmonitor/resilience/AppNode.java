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
public final class AppNode implements AutoCloseable {

  public static final String ADMIN_PASSWORD = "Risk-Monitor-Test-2026!";
  private static final Path JAR = Path.of(System.getProperty("riskmonitor.jar", "target/risk-monitor.jar"));
  private static final Path LOGS = Path.of("target", "resilience");

  /** A test's node: small, and compiled quickly rather than well, so it is soon ready. */
  private static final List<String> TEST_JVM = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1");

  private final String name;
  private final int port;
  private final Database database;
  private final List<String> jvmOptions;
  private final List<String> extraArgs;
  private final Path jar;
  private final Process process;

  private AppNode(String name, int port, Database database, List<String> jvmOptions, List<String> extraArgs, Path jar,
                  Process process) {
    this.name = name;
    this.port = port;
    this.database = database;
    this.jvmOptions = jvmOptions;
    this.extraArgs = extraArgs;
    this.jar = jar;
    this.process = process;
  }

  /** Where a node's database is and how it logs in. */
  public record Database(String url, String user, String password) {
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
    return start(name, freePort(), new Database(database.url(), database.user(), database.password()), TEST_JVM,
        List.copyOf(extraArgs), jar);
  }

  /** The same on any database, with the JVM's options given, for instance a benchmark's node. */
  public static AppNode start(String name, Database database, List<String> jvmOptions, List<String> extraArgs)
      throws IOException {
    return start(name, freePort(), database, List.copyOf(jvmOptions), List.copyOf(extraArgs), JAR);
  }

  /**
   * A node started again after its death, as an operator's service manager would: same name,
   * port, database and settings, so the load balancer finds it where it was.
   */
  public AppNode restart() throws IOException {
    if (process.isAlive()) {
      throw new IllegalStateException(name + " is still running");
    }
    return start(name, port, database, jvmOptions, extraArgs, jar);
  }

  private static AppNode start(String name, int port, Database database, List<String> jvmOptions,
                               List<String> extraArgs, Path jar) throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run mvn verify -Pmysql, which packages it first");
    }
    Files.createDirectories(LOGS);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(),
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
    return new AppNode(name, port, database, jvmOptions, extraArgs, jar, builder.start());
  }

  /** Waits until the server answers and the demo people exist (they are seeded after deployment). */
  public AppNode awaitReady(Duration timeout) throws InterruptedException {
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

  public Rest rest() {
    return new Rest("http://127.0.0.1:" + port);
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  /** The node's operating-system process id. */
  public long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hook, no transaction finished, no connection closed politely. */
  public void kill() throws InterruptedException {
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
