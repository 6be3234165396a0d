package org.riskmonitor.resilience;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A real HAProxy (Debian's {@code haproxy}, which .ci/run installs) in front of application nodes,
 * as docs/operations.md configures it: round-robin over every node for every request, no
 * stickiness (the sessions are in the database), each node checked on its readiness probe and
 * taken out while it fails. A request whose connection to a node cannot even be opened is sent to
 * another node (nothing of it reached the dead one); one that a node dies answering is not
 * retried by the proxy: the client sees 502 and decides. Started with a generated configuration,
 * its log and configuration under target/resilience/.
 */
public final class Haproxy implements AutoCloseable {

  private static final Path LOGS = Path.of("target", "resilience");
  private static final String EXECUTABLE = "/usr/sbin/haproxy";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final int port;
  private final int lossyPort;
  private final int statsPort;
  private final Process process;

  private Haproxy(int port, int lossyPort, int statsPort, Process process) {
    this.port = port;
    this.lossyPort = lossyPort;
    this.statsPort = statsPort;
    this.process = process;
  }

  /** Starts HAProxy in front of the nodes and waits until it counts them all ready. */
  public static Haproxy start(String name, List<AppNode> nodes) throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of(EXECUTABLE))) {
      throw new IllegalStateException(EXECUTABLE + " is missing: apt-get install haproxy (.ci/run does)");
    }
    Files.createDirectories(LOGS);
    int port = freePort();
    int lossyPort = freePort();
    int statsPort = freePort();
    Path config = LOGS.resolve(name + ".cfg");
    Files.writeString(config, configuration(port, lossyPort, statsPort, nodes), StandardCharsets.UTF_8);
    Process process = new ProcessBuilder(EXECUTABLE, "-db", "-f", config.toString()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve(name + ".log").toFile())).start();
    Haproxy haproxy = new Haproxy(port, lossyPort, statsPort, process);
    for (AppNode node : nodes) {
      haproxy.awaitUp(node.name(), Duration.ofSeconds(30));
    }
    return haproxy;
  }

  /**
   * The configuration docs/operations.md shows: health checks every second on the readiness probe,
   * a node out after two failures and back after two successes.
   */
  static String configuration(int port, int lossyPort, int statsPort, List<AppNode> nodes) {
    StringBuilder servers = new StringBuilder();
    for (AppNode node : nodes) {
      servers.append("  server ").append(node.name()).append(" 127.0.0.1:").append(node.port()).append(" check\n");
    }
    return """
        global
          maxconn 512
          # one line per request (node, status, timings) in the log under target/resilience/
          log stdout format raw local0 info

        defaults
          mode http
          log global
          option httplog
          timeout connect 2s
          timeout client 2m
          timeout server 2m
          # a connection that cannot be opened is tried again, on another node
          retries 2
          option redispatch 1

        frontend riskmonitor
          bind 127.0.0.1:%d
          default_backend nodes

        # the same nodes, every answer replaced by 502 after the node has done the work: an answer
        # lost on the way, on purpose (tests only)
        frontend lossy
          bind 127.0.0.1:%d
          http-response deny
          default_backend nodes

        backend nodes
          balance roundrobin
          option httpchk GET /actuator/health/readiness
          http-check expect status 200
          default-server inter 1s fall 2 rise 2
        %s
        listen stats
          bind 127.0.0.1:%d
          # the test polls it often: not logged
          http-request set-log-level silent
          stats enable
          stats uri /stats
        """.formatted(port, lossyPort, servers, statsPort);
  }

  /** HAProxy's operating-system process id. */
  public long pid() {
    return process.pid();
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public Rest rest() {
    return new Rest(url());
  }

  /** The same nodes through a frontend that loses every answer after the node has done the work. */
  public String lossyUrl() {
    return "http://127.0.0.1:" + lossyPort;
  }

  /** The nodes as HAProxy's statistics show them: status (UP, DOWN...) and requests sent to each. */
  public Map<String, Server> servers() throws IOException, InterruptedException {
    HttpResponse<String> stats = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort
        + "/stats;csv")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    String[] lines = stats.body().split("\n");
    List<String> columns = List.of(lines[0].replaceFirst("^# ", "").split(","));
    Map<String, Server> servers = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String[] values = lines[i].split(",", -1);
      if (values.length < columns.size() || !"nodes".equals(values[0])
          || "BACKEND".equals(values[1]) || "FRONTEND".equals(values[1])) {
        continue;
      }
      servers.put(values[1], new Server(values[columns.indexOf("status")], number(values[columns.indexOf("stot")]),
          number(values[columns.indexOf("scur")])));
    }
    return servers;
  }

  private static long number(String value) {
    return value.isEmpty() ? 0 : Long.parseLong(value);
  }

  /** One node in HAProxy's eyes: its status, the requests sent to it so far and those it is answering now. */
  public record Server(String status, long sessions, long current) {
  }

  /** Waits until HAProxy's checks find the node ready. */
  public void awaitUp(String node, Duration timeout) throws IOException, InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("haproxy exited with " + process.exitValue() + "; see " + LOGS);
      }
      Server server = null;
      try {
        server = servers().get(node);
      } catch (IOException e) {
        // not listening yet: HAProxy is still starting
      }
      if (server != null && server.status().equals("UP")) {
        return;
      }
      if (System.nanoTime() > end) {
        throw new IllegalStateException(node + " not UP in haproxy after " + timeout + ": " + server);
      }
      Thread.sleep(200);
    }
  }

  /** {@link #servers()} for a log line. */
  public String describe() throws IOException, InterruptedException {
    return new TreeMap<>(servers()).toString();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
