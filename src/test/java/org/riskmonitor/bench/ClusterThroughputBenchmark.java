package org.riskmonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.riskmonitor.resilience.AppNode;
import org.riskmonitor.resilience.CaseClient;
import org.riskmonitor.resilience.Haproxy;
import org.riskmonitor.resilience.Rest;

/**
 * Cases per second on one, two and three nodes of one database, in one run: the packaged
 * application started as separate server processes (as ClusterIT starts them) on a fresh
 * database of the local MySQL-protocol server, behind HAProxy round-robin without stickiness.
 * {@link ThroughputBenchmark} drives the engine's Java API inside the test's JVM, so it can only
 * measure one node; several nodes are only reachable over HTTP, so here clients open cases through
 * the start form and walk them to closure over REST as their people ({@link CaseClient}: the
 * shortest path, seven steps with their uploads and checklist answers, the conformity notice run
 * by whichever node's job executor takes it). The same clients, the same number of them, first
 * against one node, then two, then three: a node is added to the running ones for each round.
 * Each round opens {@code bench.cluster.warmup} cases first, not counted. Beside the rate, the
 * CPU seconds per case each part used (the nodes, the database server, HAProxy, the clients; read
 * from /proc), which says what a case costs where, and so where more cores would go.
 * System properties: bench.cluster.cases (60), bench.cluster.workers (8), bench.cluster.warmup (12),
 * bench.cluster.nodes (3), bench.cluster.heap (512m).
 * Run after packaging (Failsafe in the bench profile):
 * {@code ./mvnw -B -T1 verify -Pbench -Dtest=none -Dit.test=ClusterThroughputBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}
 */
class ClusterThroughputBenchmark {

  private static final int CASES = Integer.getInteger("bench.cluster.cases", 60);
  private static final int WORKERS = Integer.getInteger("bench.cluster.workers", 8);
  private static final int WARMUP = Integer.getInteger("bench.cluster.warmup", 12);
  private static final int NODES = Integer.getInteger("bench.cluster.nodes", 3);
  /** Production-like JIT (the tests' nodes stop at C1 to start sooner). */
  private static final List<String> JVM = List.of("-Xmx" + System.getProperty("bench.cluster.heap", "512m"));
  private static final long DATABASE_SERVER = Math.max(CpuTime.pidOf("mariadbd"), CpuTime.pidOf("mysqld"));

  @Test
  void casesPerSecondOnOneTwoAndThreeNodes() throws Exception {
    Map<String, Object> machine = BenchReport.machine();
    BenchDatabase db = new BenchDatabase("cluster").createAfresh();
    AppNode.Database database = new AppNode.Database(db.url(), BenchDatabase.USER, BenchDatabase.PASSWORD);
    List<AppNode> nodes = new ArrayList<>();
    List<Round> rounds = new ArrayList<>();
    try {
      for (int n = 1; n <= NODES; n++) {
        AppNode node = AppNode.start("bench-node-" + n, database, JVM, List.of());
        nodes.add(node);
        node.awaitReady(Duration.ofMinutes(5));
        try (Haproxy proxy = Haproxy.start("bench-haproxy-" + n, nodes)) {
          Rest rest = proxy.rest();
          new Clients(rest, WARMUP).run();
          Map<String, Haproxy.Server> before = proxy.servers();
          double loadBefore = loadAverage();
          Map<String, Double> cpuBefore = cpu(nodes, proxy);
          Clients measured = new Clients(rest, CASES);
          long started = System.nanoTime();
          measured.run();
          double seconds = (System.nanoTime() - started) / 1e9;
          Map<String, Double> cpuPerCase = new LinkedHashMap<>();
          cpu(nodes, proxy).forEach((part, used) -> cpuPerCase.put(part,
              BenchReport.round((used - cpuBefore.get(part)) / CASES, 3)));
          Map<String, Long> requests = new LinkedHashMap<>();
          proxy.servers().forEach((name, server) -> requests.put(name,
              server.sessions() - (before.containsKey(name) ? before.get(name).sessions() : 0)));
          rounds.add(new Round(n, seconds, measured, loadBefore, loadAverage(), requests, cpuPerCase));
          assertThat(measured.ended.get()).as("cases closed on " + n + " nodes").isEqualTo(CASES);
        }
      }
    } finally {
      for (AppNode node : nodes) {
        node.close();
      }
    }

    double one = rounds.get(0).casesPerSecond();
    System.out.printf("%nCluster throughput: %d cases per round (after %d warm-up), %d clients over REST through HAProxy,"
        + " one MySQL database (%s)%n", CASES, WARMUP, WORKERS, db.name);
    System.out.printf("%-6s %9s %8s %8s %8s %8s %10s  %-44s %6s  %s%n", "nodes", "seconds", "cases/s", "steps/s",
        "p50 ms", "p95 ms", "vs 1 node", "CPU s per case", "cores", "requests per node; load average");
    List<Map<String, Object>> figures = new ArrayList<>();
    for (Round round : rounds) {
      System.out.printf("%-6d %9.1f %8.3f %8.2f %8.1f %8.1f %10.2f  %-44s %6.2f  %s; %.1f-%.1f%n", round.nodes(),
          round.seconds(), round.casesPerSecond(), round.stepsPerSecond(), round.clients().latencies.percentileMillis(50),
          round.clients().latencies.percentileMillis(95), round.casesPerSecond() / one, round.cpuPerCase(),
          round.coresBusy(), round.requests(), round.loadBefore(), round.loadAfter());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("nodes", round.nodes());
      row.put("seconds", BenchReport.round(round.seconds(), 2));
      row.put("casesPerSecond", BenchReport.round(round.casesPerSecond(), 3));
      row.put("stepsPerSecond", BenchReport.round(round.stepsPerSecond(), 2));
      row.put("stepP50Millis", BenchReport.round(round.clients().latencies.percentileMillis(50), 1));
      row.put("stepP95Millis", BenchReport.round(round.clients().latencies.percentileMillis(95), 1));
      row.put("overOneNode", BenchReport.round(round.casesPerSecond() / one, 3));
      row.put("cpuSecondsPerCase", round.cpuPerCase());
      row.put("coresBusy", BenchReport.round(round.coresBusy(), 2));
      row.put("requestsPerNode", round.requests());
      row.put("loadAverageBefore", round.loadBefore());
      row.put("loadAverageAfter", round.loadAfter());
      figures.add(row);
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("machine", machine);
    report.put("database", db.name);
    report.put("cases", CASES);
    report.put("warmupCases", WARMUP);
    report.put("clients", WORKERS);
    report.put("nodeJvm", JVM);
    report.put("databaseServerPid", DATABASE_SERVER);
    report.put("rounds", figures);
    BenchReport.write("cluster", report);
  }

  private static double loadAverage() {
    return BenchReport.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2);
  }

  /**
   * CPU seconds used so far by the nodes together, the database server (the whole server: other
   * databases on it count too), HAProxy and this JVM (the clients).
   */
  private static Map<String, Double> cpu(List<AppNode> nodes, Haproxy proxy) {
    Map<String, Double> used = new LinkedHashMap<>();
    used.put("nodes", nodes.stream().mapToDouble(node -> CpuTime.seconds(node.pid())).sum());
    used.put("database", CpuTime.seconds(DATABASE_SERVER));
    used.put("haproxy", CpuTime.seconds(proxy.pid()));
    used.put("clients", CpuTime.seconds(ProcessHandle.current().pid()));
    return used;
  }

  private record Round(int nodes, double seconds, Clients clients, double loadBefore, double loadAfter,
                       Map<String, Long> requests, Map<String, Double> cpuPerCase) {

    /** Cores kept busy by the parts measured, on average over the round. */
    double coresBusy() {
      return cpuPerCase.values().stream().mapToDouble(Double::doubleValue).sum() * CASES / seconds;
    }

    double casesPerSecond() {
      return CASES / seconds;
    }

    double stepsPerSecond() {
      return clients.latencies.count() / seconds;
    }
  }

  /** {@value #WORKERS} clients, each opening the next case and walking it to its end. */
  private static final class Clients {

    private final Rest rest;
    private final int cases;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    /** Each step (look-ups, uploads and the submission of one task) and each opening, as the client waits for it. */
    private final Latencies latencies = new Latencies();

    Clients(Rest rest, int cases) {
      this.rest = rest;
      this.cases = cases;
    }

    void run() throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
      try {
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
          running.add(pool.submit(() -> {
            for (int i = next.getAndIncrement(); i < cases; i = next.getAndIncrement()) {
              walk(i);
            }
            return null;
          }));
        }
        for (Future<?> worker : running) {
          worker.get();
        }
      } finally {
        pool.shutdownNow();
      }
    }

    private void walk(int index) throws Exception {
      long opening = System.nanoTime();
      String caseNumber = CaseClient.open(rest, index % 2);
      latencies.add(System.nanoTime() - opening);
      for (int attempt = 0; attempt < 3000; attempt++) {
        JsonNode task = CaseClient.openTask(rest, caseNumber);
        if (task != null) {
          long started = System.nanoTime();
          CaseClient.submit(rest, caseNumber, task);
          latencies.add(System.nanoTime() - started);
        } else if (rest.get(Rest.ADMIN, "/engine-rest/process-instance/count?businessKey=" + caseNumber)
            .path("count").asLong() == 0) {
          ended.incrementAndGet();
          return;
        } else {
          // the conformity notice, an asynchronous step, is not issued yet
          Thread.sleep(50);
        }
      }
      throw new IllegalStateException(caseNumber + " did not end");
    }
  }
}
