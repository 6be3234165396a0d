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
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.riskmonitor.analytics.Dashboard;
import org.riskmonitor.analytics.Dimension;
import org.riskmonitor.analytics.ReferenceFiguresMapper;
import org.riskmonitor.analytics.CaseFilter;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The managers' dashboard over 100,000 closed cases of history (system property
 * bench.closed.cases): the first load of its read model, then the whole page for every period and
 * filter of a set, p50 and p95, on the server's buffer pool as it is and again with one sized to
 * the data; and every figure of the page against the SQL over history that computed it before the
 * read model ({@link ReferenceFiguresMapper}), timed, which must agree.
 */
class DashboardBenchmark {

  private static final int CASES = Integer.getInteger("bench.closed.cases", 100_000);
  private static final int REPETITIONS = Integer.getInteger("bench.dashboard.repetitions", 3);
  private static final LocalDate FROM = LocalDate.of(2027, 1, 1);
  private static final LocalDate TO = LocalDate.of(2029, 1, 1);
  /** Measure again on the cases a previous run generated (bench.dashboard.reuse=true), skipping the generation. */
  private static final boolean REUSE = Boolean.getBoolean("bench.dashboard.reuse");
  /** The buffer pool of the second round, bytes (bench.dashboard.pool; 0 skips it). */
  private static final long SIZED_POOL = Long.getLong("bench.dashboard.pool", 4L << 30);
  private static final List<String> PHASES = List.of("subProcess");
  private static final List<String> SYSTEM_STEPS = List.of("callActivity", "serviceTask", "businessRuleTask");

  @Test
  void dashboardOverOneHundredThousandClosedCases() throws Exception {
    Map<String, Object> machine = BenchReport.machine();
    BenchDatabase db = new BenchDatabase("dashboard");
    if (!REUSE) {
      db.createAfresh();
    }
    // the read model is loaded at the first page, not in the background while the history is generated
    try (ConfigurableApplicationContext context = db.start(Map.of("camunda.bpm.job-execution.enabled", "false",
        "riskmonitor.dashboard.refresh-every", "1d"))) {
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
      assertThat(closed).isGreaterThanOrEqualTo(CASES);
      long defaultPool = jdbc.queryForObject("SELECT @@innodb_buffer_pool_size", Long.class);
      String port = context.getEnvironment().getProperty("local.server.port");
      Dashboard dashboard = context.getBean(Dashboard.class);
      ReferenceFiguresMapper reference = context.getBean(ReferenceFiguresMapper.class);

      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("machine", machine);
      figures.put("closedCases", closed);
      figures.put("historicActivityInstances", jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_ACTINST", Long.class));
      figures.put("historicTaskInstances", jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_TASKINST", Long.class));
      figures.put("generationSeconds", REUSE ? "reused" : BenchReport.round(generationSeconds, 1));
      figures.put("bufferPoolMiB", defaultPool >> 20);
      figures.putAll(round("", port, dashboard, reference));
      if (SIZED_POOL > 0) {
        jdbc.execute("SET GLOBAL innodb_buffer_pool_size = " + SIZED_POOL);
        try {
          figures.put("sizedBufferPoolMiB", jdbc.queryForObject("SELECT @@innodb_buffer_pool_size", Long.class) >> 20);
          figures.putAll(round("sizedPool.", port, dashboard, reference));
        } finally {
          jdbc.execute("SET GLOBAL innodb_buffer_pool_size = " + defaultPool);
        }
      }
      System.out.println();
      System.out.println("Dashboard over " + closed + " closed cases");
      figures.forEach((key, value) -> System.out.printf("  %-44s %s%n", key, value));
      BenchReport.write("dashboard", figures);
    }
  }

  /**
   * One round: the first page (which loads the read model in the first round; in the second it is
   * loaded already and only the SQL over history meets the larger pool), every page of the
   * set {@link #REPETITIONS} times, the SQL over history for the whole period, and the comparison.
   */
  private static Map<String, Object> round(String prefix, String port, Dashboard dashboard,
                                           ReferenceFiguresMapper reference) {
    Map<String, Object> figures = new LinkedHashMap<>();
    List<URI> pages = pages(port);
    long first = System.nanoTime();
    get(pages.get(0));
    figures.put(prefix + "firstPageMillis", BenchReport.round((System.nanoTime() - first) / 1e6, 1));
    Latencies pageTimes = new Latencies();
    for (int i = 0; i < REPETITIONS; i++) {
      for (URI page : pages) {
        long start = System.nanoTime();
        get(page);
        pageTimes.add(System.nanoTime() - start);
      }
    }
    figures.put(prefix + "pages", pageTimes.count());
    figures.put(prefix + "pageP50Millis", pageTimes.percentileMillis(50));
    figures.put(prefix + "pageP95Millis", pageTimes.percentileMillis(95));
    figures.put(prefix + "pageMaxMillis", pageTimes.percentileMillis(100));

    Map<String, Object> sqlTimes = new LinkedHashMap<>();
    long sqlTotal = 0;
    for (Map.Entry<String, Supplier<?>> query : referenceQueries(reference).entrySet()) {
      long start = System.nanoTime();
      query.getValue().get();
      long took = System.nanoTime() - start;
      sqlTotal += took;
      sqlTimes.put(query.getKey(), BenchReport.round(took / 1e6, 1));
    }
    figures.put(prefix + "sqlOverHistoryMillis", sqlTimes);
    figures.put(prefix + "sqlOverHistoryTotalMillis", BenchReport.round(sqlTotal / 1e6, 1));
    figures.put(prefix + "sqlOverPageP95", BenchReport.round(sqlTotal / 1e6 / pageTimes.percentileMillis(95), 1));
    for (CaseFilter filter : List.of(CaseFilter.NONE, new CaseFilter("WIRE_CABLE", null, null, null, null, null, null))) {
      sameFigures(dashboard.forPeriod(FROM, TO, filter), reference, filter);
    }
    figures.put(prefix + "figuresAgreeWithSql", true);
    return figures;
  }

  /** The pages measured: four periods, each with no filter and with one of every filter field. */
  private static List<URI> pages(String port) {
    List<String> periods = List.of("from=2027-01-01&to=2029-01-01", "from=2027-01-01&to=2028-01-01",
        "from=2028-04-01&to=2028-07-01", "from=2027-09-01&to=2027-10-01");
    List<String> filters = List.of("", "&productKind=WIRE_CABLE", "&district=120113", "&cluster=%E5%8C%97%E8%BE%B0",
        "&lab=1", "&expert=expert1", "&riskLevel=SERIOUS", "&outcome=REMEDIATED", "&productKind=E_BIKE&riskLevel=LOW");
    List<URI> pages = new ArrayList<>();
    for (String period : periods) {
      for (String filter : filters) {
        pages.add(URI.create("http://127.0.0.1:" + port + "/dashboard?" + period + filter));
      }
    }
    return pages;
  }

  /** The page's figures as SQL over history computed them, for the whole period and no filter. */
  private static Map<String, Supplier<?>> referenceQueries(ReferenceFiguresMapper mapper) {
    LocalDateTime from = FROM.atStartOfDay();
    LocalDateTime to = TO.atStartOfDay();
    CaseFilter all = CaseFilter.NONE;
    Map<String, Supplier<?>> queries = new LinkedHashMap<>();
    queries.put("figures", () -> mapper.figures(from, to, all));
    queries.put("riskLevels", () -> mapper.riskLevels(from, to, all));
    queries.put("breakdownByProductKind", () -> mapper.breakdown("c.product_kind", "pk.name_zh", from, to, all));
    queries.put("breakdownByDistrict", () -> mapper.breakdown("e.district_code", "d.name", from, to, all));
    queries.put("breakdownByCluster", () -> mapper.breakdown("COALESCE(e.industrial_cluster, '-')",
        "COALESCE(e.industrial_cluster, '-')", from, to, all));
    queries.put("phaseCycleTimes", () -> mapper.activityCycleTimes(from, to, all, PHASES));
    queries.put("heatmapSystemStepTimes", () -> mapper.activityCycleTimes(from, to, all, SYSTEM_STEPS));
    queries.put("stepTimes", () -> mapper.stepTimes(from, to, all));
    queries.put("openedByMonth", () -> mapper.openedByMonth(from, to, all));
    queries.put("closedByMonth", () -> mapper.closedByMonth(from, to, all));
    return queries;
  }

  /** The page's figures are the SQL's: counts, medians and p90s exactly, means to the millisecond. */
  private static void sameFigures(Dashboard.View view, ReferenceFiguresMapper sql, CaseFilter filter) {
    LocalDateTime from = FROM.atStartOfDay();
    LocalDateTime to = TO.atStartOfDay();
    assertThat(view.figures()).isEqualTo(sql.figures(from, to, filter));
    assertThat(view.riskLevels()).isEqualTo(sql.riskLevels(from, to, filter));
    assertThat(view.breakdowns().get(Dimension.PRODUCT_KIND))
        .containsExactlyInAnyOrderElementsOf(sql.breakdown("c.product_kind", "pk.name_zh", from, to, filter));
    assertThat(view.phases()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("name", "mean")
        .containsExactlyInAnyOrderElementsOf(sql.activityCycleTimes(from, to, filter, PHASES));
    assertThat(view.steps()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("name", "mean")
        .containsExactlyInAnyOrderElementsOf(sql.stepTimes(from, to, filter));
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

  private static Date at(LocalDateTime time) {
    return Date.from(time.atZone(ZoneId.of("Asia/Shanghai")).toInstant());
  }
}
