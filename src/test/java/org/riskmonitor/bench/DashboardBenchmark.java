package org.riskmonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.riskmonitor.analytics.AnalyticsMapper;
import org.riskmonitor.analytics.CaseFilter;
import org.riskmonitor.analytics.CycleTime;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The managers' dashboard over 100,000 closed cases of history (system property
 * bench.closed.cases): the time of the whole page, and of its per-phase cycle times in SQL against
 * the same figures computed from Camunda's Java history API (each phase's finished instances listed
 * and ranked in Java), which must agree to the millisecond.
 */
class DashboardBenchmark {

  private static final int CASES = Integer.getInteger("bench.closed.cases", 100_000);
  private static final int REPETITIONS = Integer.getInteger("bench.dashboard.repetitions", 5);
  private static final LocalDate FROM = LocalDate.of(2027, 1, 1);
  private static final LocalDate TO = LocalDate.of(2029, 1, 1);
  /** Measure again on the cases a previous run generated (bench.dashboard.reuse=true), skipping the generation. */
  private static final boolean REUSE = Boolean.getBoolean("bench.dashboard.reuse");

  @Test
  void dashboardOverOneHundredThousandClosedCases() throws Exception {
    Map<String, Object> machine = BenchReport.machine();
    BenchDatabase db = new BenchDatabase("dashboard");
    if (!REUSE) {
      db.createAfresh();
    }
    try (ConfigurableApplicationContext context = db.start(Map.of("camunda.bpm.job-execution.enabled", "false"))) {
      DemoPeople people = context.getBean(DemoPeople.class);
      if (!people.seeded()) {
        people.seed();
      }
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      double generationSeconds = 0;
      if (!REUSE) {
        List<String> templates = templates(context.getBean(CaseWalker.class));
        long started = System.nanoTime();
        new ClosedCaseHistory(jdbc).build(CASES, templates,
            jdbc.queryForList("SELECT id FROM rm_enterprise ORDER BY id", Long.class),
            jdbc.queryForList("SELECT code FROM rm_product_kind ORDER BY code", String.class));
        generationSeconds = (System.nanoTime() - started) / 1e9;
      }
      long closed = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'risk-case' "
          + "AND STATE_ = 'COMPLETED'", Long.class);
      long phaseInstances = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_TYPE_ = 'subProcess'",
          Long.class);
      assertThat(closed).isGreaterThanOrEqualTo(CASES);

      String port = context.getEnvironment().getProperty("local.server.port");
      URI page = URI.create("http://127.0.0.1:" + port + "/dashboard?from=" + FROM + "&to=" + TO);
      AnalyticsMapper mapper = context.getBean(AnalyticsMapper.class);
      HistoryService history = context.getBean(HistoryService.class);

      Latencies pageTimes = repeat(() -> get(page));
      Latencies sqlTimes = repeat(() -> mapper.activityCycleTimes(FROM.atStartOfDay(), TO.atStartOfDay(),
          CaseFilter.NONE, List.of("subProcess")));
      List<String> phases = jdbc.queryForList("SELECT DISTINCT ACT_ID_ FROM ACT_HI_ACTINST WHERE ACT_TYPE_ = 'subProcess'",
          String.class);
      Latencies javaTimes = repeat(() -> phasesThroughHistoryApi(history, phases));
      List<CycleTime> sql = mapper.activityCycleTimes(FROM.atStartOfDay(), TO.atStartOfDay(), CaseFilter.NONE,
          List.of("subProcess"));
      List<CycleTime> java = phasesThroughHistoryApi(history, phases);
      assertThat(sql).usingRecursiveFieldByFieldElementComparatorIgnoringFields("mean", "name")
          .containsExactlyElementsOf(java);

      Map<String, Object> queries = new LinkedHashMap<>();
      queryTimes(mapper).forEach((name, query) -> queries.put(name, repeat(query).percentileMillis(50)));

      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("machine", machine);
      figures.put("closedCases", closed);
      figures.put("phaseInstances", phaseInstances);
      figures.put("historicActivityInstances", jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_ACTINST", Long.class));
      figures.put("historicTaskInstances", jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_TASKINST", Long.class));
      figures.put("generationSeconds", REUSE ? "reused" : BenchReport.round(generationSeconds, 1));
      figures.put("repetitions", REPETITIONS);
      figures.put("dashboardPageP50Millis", pageTimes.percentileMillis(50));
      figures.put("dashboardPageMaxMillis", pageTimes.percentileMillis(100));
      figures.put("phaseFiguresSqlP50Millis", sqlTimes.percentileMillis(50));
      figures.put("phaseFiguresJavaHistoryApiP50Millis", javaTimes.percentileMillis(50));
      figures.put("javaApiOverSql", BenchReport.round(javaTimes.percentileMillis(50) / sqlTimes.percentileMillis(50), 1));
      figures.put("javaApiOverWholePage",
          BenchReport.round(javaTimes.percentileMillis(50) / pageTimes.percentileMillis(50), 1));
      figures.put("queryP50Millis", queries);
      System.out.println();
      System.out.println("Dashboard over " + closed + " closed cases (" + phaseInstances + " phase instances)");
      figures.forEach((key, value) -> System.out.printf("  %-38s %s%n", key, value));
      BenchReport.write("dashboard", figures);
    }
  }

  /** Each query of the dashboard page, for the whole period and no filter. */
  private static Map<String, Supplier<?>> queryTimes(AnalyticsMapper mapper) {
    LocalDateTime from = FROM.atStartOfDay();
    LocalDateTime to = TO.atStartOfDay();
    LocalDateTime now = LocalDateTime.now();
    CaseFilter all = CaseFilter.NONE;
    Map<String, Supplier<?>> queries = new LinkedHashMap<>();
    queries.put("figures", () -> mapper.figures(from, to, all));
    queries.put("riskLevels", () -> mapper.riskLevels(from, to, all));
    queries.put("breakdownByProductKind", () -> mapper.breakdown("c.product_kind", "pk.name_zh", from, to, all));
    queries.put("phaseCycleTimes", () -> mapper.activityCycleTimes(from, to, all, List.of("subProcess")));
    queries.put("heatmapSystemStepTimes", () -> mapper.activityCycleTimes(from, to, all,
        List.of("callActivity", "serviceTask", "businessRuleTask")));
    queries.put("stepTimes", () -> mapper.stepTimes(from, to, all));
    queries.put("openWork", () -> mapper.openWork(now.minusDays(7), now.minusDays(30), now.minusDays(90), all, true));
    queries.put("openedByMonth", () -> mapper.openedByMonth(from, to, all));
    queries.put("closedByMonth", () -> mapper.closedByMonth(from, to, all));
    queries.put("casesBehindClosed", () -> mapper.casesBehind("closed", from, to, all, 500));
    queries.put("figuresForOneProductKind", () -> mapper.figures(from, to,
        new CaseFilter("WIRE_CABLE", null, null, null, null, null, null)));
    return queries;
  }

  /** Closed cases of both kinds of path, walked with the clock moving 1 to 9 hours before each step. */
  private static List<String> templates(CaseWalker walker) {
    List<String> caseNumbers = new ArrayList<>();
    LocalDateTime clock = LocalDateTime.of(2027, 1, 4, 8, 0);
    try {
      for (Route route : List.of(Route.remediated(), Route.allItemsPass(), Route.remediated(), Route.allItemsPass())) {
        ClockUtil.setCurrentTime(at(clock));
        String caseNumber = walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "电动自行车").getBusinessKey();
        int step = 0;
        for (Task task = walker.openTask(caseNumber); task != null; task = walker.openTask(caseNumber)) {
          clock = clock.plusHours(1 + (step++ * 5 + caseNumbers.size() * 3) % 9);
          ClockUtil.setCurrentTime(at(clock));
          walker.submit(task, walker.valuesFor(task, route));
        }
        caseNumbers.add(caseNumber);
      }
    } finally {
      ClockUtil.reset();
    }
    return caseNumbers;
  }

  /**
   * The per-phase figures of the SQL query, from the Java history API instead: for each phase of
   * the diagram, its instances finished in the period, ranked in Java. (Paging through all phases
   * at once sorts every finished phase again for each page: far slower.)
   */
  private static List<CycleTime> phasesThroughHistoryApi(HistoryService history, List<String> phases) {
    Date from = at(FROM.atStartOfDay());
    Date to = at(TO.atStartOfDay());
    List<CycleTime> figures = new ArrayList<>();
    for (String phase : new TreeSet<>(phases)) {
      // no generated phase ends exactly on a bound, where the API (inclusive) and the SQL ([from, to)) differ
      List<Long> values = new ArrayList<>(history.createHistoricActivityInstanceQuery().activityId(phase)
          .finishedAfter(from).finishedBefore(to).list().stream().map(HistoricActivityInstance::getDurationInMillis)
          .toList());
      if (values.isEmpty()) {
        continue;
      }
      values.sort(Comparator.naturalOrder());
      figures.add(new CycleTime(phase, null, values.size(),
          values.stream().mapToLong(Long::longValue).average().orElse(0), nearestRank(values, 0.5),
          nearestRank(values, 0.9)));
    }
    return figures;
  }

  private static long nearestRank(List<Long> sorted, double share) {
    return sorted.get((int) Math.ceil(share * sorted.size()) - 1);
  }

  private static String get(URI uri) {
    try {
      HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString(("manager:" + DemoPeople.PASSWORD).getBytes(StandardCharsets.UTF_8))).build();
      HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return response.body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** One warm-up run, then {@link #REPETITIONS} timed ones. */
  private static Latencies repeat(Supplier<?> action) {
    action.get();
    Latencies latencies = new Latencies();
    for (int i = 0; i < REPETITIONS; i++) {
      long start = System.nanoTime();
      action.get();
      latencies.add(System.nanoTime() - start);
    }
    return latencies;
  }

  private static Date at(LocalDateTime time) {
    return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
  }
}
