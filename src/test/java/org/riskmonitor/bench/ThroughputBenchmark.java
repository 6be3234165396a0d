package org.riskmonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.conf.PropertyDefinitions;
import com.mysql.cj.conf.PropertyKey;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.risk.RiskLevel;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Cases driven from opening to closure through the real forms by concurrent workers, on the engine
 * as we configure it and on the same engine with our settings put back to the defaults (the driver
 * settings of application-mysql.yaml to Connector/J's, the authorization checks to Camunda's);
 * beside them the server's raw commit rate at the same concurrency.
 * System properties: bench.cases (200), bench.workers (4), bench.warmup (20 cases, not measured),
 * bench.raw.seconds (10), bench.defaultFirst (false: the tuned engine runs first).
 */
class ThroughputBenchmark {

  private static final int CASES = Integer.getInteger("bench.cases", 200);
  private static final int WORKERS = Integer.getInteger("bench.workers", 4);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 20);
  private static final int RAW_SECONDS = Integer.getInteger("bench.raw.seconds", 10);
  private static final boolean DEFAULT_FIRST = Boolean.getBoolean("bench.defaultFirst");
  private static final String DRIVER_SETTINGS = "spring.datasource.hikari.data-source-properties";
  private static final String REVOKE_CHECKS = "camunda.bpm.authorization.authorization-check-revokes";
  private static final String CONNECTION_TIME_ZONE = "connectionTimeZone";
  private static final String E_BIKES = DemoPeople.ENTERPRISES.get(0).get(0);

  /**
   * A mix of the paths a year's cases take: most products conform, nonconforming ones go through
   * risk assessment and remediation at every risk level, some enterprises object, a few cases loop
   * (rejected sample, returned report or alert, insufficient evidence) or end in an announcement.
   */
  private static final List<Route> MIX = mix();

  @Test
  void casesThroughTheFullPath() throws Exception {
    Map<String, Object> machine = BenchReport.machine();
    double rawCommits = rawCommitRate();
    EngineRun tuned;
    EngineRun defaults;
    // the second engine in the JVM meets code the first has already compiled: run it both ways
    if (DEFAULT_FIRST) {
      defaults = run("default", camundaDefaults(ourDriverSettings()));
      tuned = run("tuned", Map.of());
    } else {
      tuned = run("tuned", Map.of());
      defaults = run("default", camundaDefaults(ourDriverSettings()));
    }

    assertThat(tuned.endedCases()).as("cases the tuned engine closed").isEqualTo(WARMUP + CASES);
    assertThat(defaults.endedCases()).as("cases the default engine closed").isEqualTo(WARMUP + CASES);

    System.out.printf("%nThroughput: %d cases (after %d warm-up), %d workers, Java API, full history, authorization on%n",
        CASES, WARMUP, WORKERS);
    System.out.printf("%-22s %10s %14s %10s %10s %10s %8s%n", "engine", "cases/s", "completions/s", "p50 ms", "p95 ms",
        "tasks", "retries");
    for (EngineRun run : List.of(tuned, defaults)) {
      System.out.printf("%-22s %10.2f %14.1f %10.1f %10.1f %10d %8d%n", run.label(), run.casesPerSecond(),
          run.completionsPerSecond(), run.p50(), run.p95(), run.completions(), run.retries());
    }
    System.out.printf("%-22s %10s %14.1f  (single-row inserts, one transaction each, %d threads)%n", "raw commits/s", "",
        rawCommits, WORKERS);
    double ratio = tuned.completionsPerSecond() / defaults.completionsPerSecond();
    System.out.printf("tuned / default completions/s: %.2f; tuned completions/s per raw commit/s: %.3f%n%n", ratio,
        tuned.completionsPerSecond() / rawCommits);

    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("machine", machine);
    figures.put("cases", CASES);
    figures.put("warmupCases", WARMUP);
    figures.put("workers", WORKERS);
    figures.put("routes", MIX.size() + " routes, each case takes the next in turn");
    figures.put("rawCommitsPerSecond", BenchReport.round(rawCommits, 1));
    figures.put("tuned", tuned.figures());
    figures.put("default", defaults.figures());
    figures.put("tunedOverDefaultCompletions", BenchReport.round(ratio, 3));
    figures.put("tunedCompletionsPerRawCommit", BenchReport.round(tuned.completionsPerSecond() / rawCommits, 4));
    BenchReport.write("throughput", figures);
  }

  /** Commits per second the server takes: each thread inserts single rows, autocommit, for a fixed time. */
  private static double rawCommitRate() throws Exception {
    BenchDatabase db = new BenchDatabase("raw").createAfresh();
    try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE commit_probe (id BIGINT AUTO_INCREMENT PRIMARY KEY, worker INT NOT NULL, "
          + "n INT NOT NULL, written_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)) ENGINE=InnoDB");
    }
    AtomicLong commits = new AtomicLong();
    long end = System.nanoTime() + RAW_SECONDS * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      int worker = w;
      workers.add(pool.submit(() -> {
        try (Connection connection = db.connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO commit_probe (worker, n) VALUES (?, ?)")) {
          connection.setAutoCommit(true);
          for (int n = 0; System.nanoTime() < end; n++) {
            insert.setInt(1, worker);
            insert.setInt(2, n);
            insert.executeUpdate();
            commits.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    return commits.get() / (double) RAW_SECONDS;
  }

  private EngineRun run(String label, Map<String, String> properties) throws Exception {
    BenchDatabase db = new BenchDatabase(label).createAfresh();
    try (ConfigurableApplicationContext context = db.start(properties)) {
      DemoPeople people = context.getBean(DemoPeople.class);
      if (!people.seeded()) {
        people.seed();
      }
      CaseWalker walker = context.getBean(CaseWalker.class);
      FormService forms = context.getBean(FormService.class);
      RuntimeService runtime = context.getBean(RuntimeService.class);
      Driver warmup = new Driver(walker, forms, runtime, 0, WARMUP);
      warmup.runWith(WORKERS);
      Driver measured = new Driver(walker, forms, runtime, WARMUP, CASES);
      long started = System.nanoTime();
      measured.runWith(WORKERS);
      double seconds = (System.nanoTime() - started) / 1e9;
      long ended = context.getBean(HistoryService.class).createHistoricProcessInstanceQuery()
          .processDefinitionKey("risk-case").finished().count();
      Map<String, String> settings = new TreeMap<>(Binder.get(context.getEnvironment())
          .bind(DRIVER_SETTINGS, Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
      settings.put(REVOKE_CHECKS, context.getEnvironment().getProperty(REVOKE_CHECKS, "auto"));
      return new EngineRun(label + " (" + db.name + ")", seconds, measured, ended, settings);
    }
  }

  /**
   * Each of our driver settings at Connector/J's own default and the authorization checks at
   * Camunda's ("auto"), so the second run shows what our settings are worth. The connection's time
   * zone is not a tuning but the regulator's clock: it stays as configured.
   */
  private static Map<String, String> camundaDefaults(Map<String, String> ours) {
    assertThat(ours).as("driver settings of application-mysql.yaml").isNotEmpty();
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put(REVOKE_CHECKS, "auto");
    ours.keySet().stream().filter(key -> !key.equals(REVOKE_CHECKS) && !key.equals(CONNECTION_TIME_ZONE)).forEach(key -> defaults.put(DRIVER_SETTINGS + "." + key,
        String.valueOf(PropertyDefinitions.getPropertyDefinition(PropertyKey.fromValue(key)).getDefaultValue())));
    return defaults;
  }

  /** The driver settings as application-mysql.yaml gives them. */
  private static Map<String, String> ourDriverSettings() throws IOException {
    List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("mysql", new ClassPathResource("application-mysql.yaml"));
    return new TreeMap<>(new Binder(ConfigurationPropertySources.from(yaml.get(0)))
        .bind(DRIVER_SETTINGS, Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
  }

  /** Workers that each take the next case number, open it and walk it to its end. */
  private static final class Driver {

    private final CaseWalker walker;
    private final FormService forms;
    private final RuntimeService runtime;
    private final int first;
    private final int cases;
    private final AtomicInteger next = new AtomicInteger();
    private final Latencies latencies = new Latencies();
    private final AtomicInteger retries = new AtomicInteger();

    Driver(CaseWalker walker, FormService forms, RuntimeService runtime, int first, int cases) {
      this.walker = walker;
      this.forms = forms;
      this.runtime = runtime;
      this.first = first;
      this.cases = cases;
    }

    void runWith(int workers) throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(workers);
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        running.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < cases; i = next.getAndIncrement()) {
            walk(first + i);
          }
          return null;
        }));
      }
      for (Future<?> worker : running) {
        worker.get();
      }
      pool.shutdown();
    }

    /**
     * The case's next task once the job executor has run the system steps before it (notices are
     * asynchronous); null when the case has ended.
     */
    private Task nextTask(String caseNumber) throws InterruptedException {
      for (int wait = 0; wait < 3000; wait++) {
        Task task = walker.openTask(caseNumber);
        if (task != null) {
          return task;
        }
        if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count() == 0) {
          return null;
        }
        Thread.sleep(10);
      }
      throw new IllegalStateException(caseNumber + " waited 30 s for its next task");
    }

    private void walk(int index) throws InterruptedException {
      Route route = MIX.get(index % MIX.size());
      String caseNumber = walker.open(E_BIKES, "E_BIKE", "电动自行车 " + index).getBusinessKey();
      for (int step = 0; step < 80; step++) {
        Task task = nextTask(caseNumber);
        if (task == null) {
          return;
        }
        Map<String, Object> values = walker.valuesFor(task, route);
        String actor = walker.actorFor(task);
        try {
          walker.as(actor, () -> {
            long started = System.nanoTime();
            forms.submitTaskForm(task.getId(), values);
            latencies.add(System.nanoTime() - started);
            return null;
          });
        } catch (OptimisticLockingException e) {
          retries.incrementAndGet();
        }
      }
      throw new IllegalStateException(caseNumber + " did not end in 80 steps");
    }
  }

  private record EngineRun(String label, double seconds, Driver driver, long endedCases,
                           Map<String, String> settings) {

    int completions() {
      return driver.latencies.count();
    }

    int retries() {
      return driver.retries.get();
    }

    double casesPerSecond() {
      return CASES / seconds;
    }

    double completionsPerSecond() {
      return completions() / seconds;
    }

    double p50() {
      return driver.latencies.percentileMillis(50);
    }

    double p95() {
      return driver.latencies.percentileMillis(95);
    }

    Map<String, Object> figures() {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("database", label);
      figures.put("seconds", BenchReport.round(seconds, 2));
      figures.put("casesPerSecond", BenchReport.round(casesPerSecond(), 3));
      figures.put("taskCompletions", completions());
      figures.put("completionsPerSecond", BenchReport.round(completionsPerSecond(), 2));
      figures.put("completionP50Millis", BenchReport.round(p50(), 2));
      figures.put("completionP95Millis", BenchReport.round(p95(), 2));
      figures.put("optimisticLockingRetries", retries());
      figures.put("settings", settings);
      return figures;
    }
  }

  private static List<Route> mix() {
    Route conforming = Route.allItemsPass();
    Route remediated = Route.remediated();
    List<Route> mix = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      mix.add(conforming);
    }
    mix.add(conforming.with(r -> r.sampleRejectedOnce = true));
    mix.add(conforming.with(r -> r.reportReturnedOnce = true));
    mix.add(remediated.with(r -> r.riskLevel = RiskLevel.MEDIUM));
    mix.add(remediated.with(r -> r.riskLevel = RiskLevel.MEDIUM));
    mix.add(remediated.with(r -> r.riskLevel = RiskLevel.LOW));
    mix.add(remediated);
    mix.add(remediated.with(r -> {
      r.riskLevel = RiskLevel.HIGH;
      r.alertReturnedOnce = true;
      r.evidenceInsufficientOnce = true;
    }));
    mix.add(remediated.with(r -> {
      r.objection = Route.Objection.REJECTED;
      r.riskLevel = RiskLevel.MEDIUM;
    }));
    mix.add(remediated.with(r -> r.objection = Route.Objection.RETEST_CONFIRMS));
    mix.add(remediated.with(r -> r.objection = Route.Objection.RETEST_OVERTURNS));
    mix.add(remediated.with(r -> r.reinspectionPasses = false));
    mix.add(remediated.with(r -> {
      r.riskLevel = RiskLevel.HIGH;
      r.reinspectionSampleRejectedOnce = true;
    }));
    return List.copyOf(mix);
  }
}
