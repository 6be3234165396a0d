package org.riskmonitor.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.cases.MonitoringCase;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.checklist.OnSiteChecks;
import org.riskmonitor.closure.Outcome;
import org.riskmonitor.risk.RiskLevel;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/** What the managers' dashboard shows for a period [from, to) and a filter of cases. */
@Service
public class Dashboard {

  /** Longest list of cases behind a number; the page says when a list was cut. */
  public static final int CASE_LIST_LIMIT = 500;

  /** The figure whose cases are those with on-site findings; {@code item} names the check. */
  static final String ON_SITE_FINDINGS = "onSiteFindings";

  /** The diagram the heatmap colours: the deployed risk-case model as packaged. */
  static final String DIAGRAM = "processes/risk-case.bpmn";

  /** Where the steps of the lab tests a case calls are named. */
  static final String LAB_TEST_DIAGRAM = "processes/lab-test.bpmn";

  public record View(LocalDate from, LocalDate to, CaseFilter filter, ProgrammeFigures figures,
                     List<LevelCount> riskLevels, List<CycleTime> phases, List<StepTime> steps,
                     List<OpenWork> openWork, List<MonthRow> months, Map<Dimension, List<Breakdown>> breakdowns,
                     List<NodeTime> nodes, List<OnSiteFinding> onSiteFindings) {

    /** The period and filter as a query string, carried by every link of the page. */
    public String query() {
      return Dashboard.query(from, to, filter);
    }

    /** The query of the cases behind one row's findings: that check, on the row's product kind. */
    public String findingsQuery(OnSiteFinding row) {
      return "figure=" + ON_SITE_FINDINGS
          + "&item=" + UriUtils.encodeQueryParam(row.itemTitle(), StandardCharsets.UTF_8)
          + "&" + Dashboard.query(from, to, filter.withProductKind(row.productKind()));
    }
  }

  /** A month of the trend: cases opened, cases closed and the closed cases' median duration. */
  public record MonthRow(String month, long opened, long closed, Long medianClosedDuration) {
  }

  private final AnalyticsMapper mapper;
  private final DashboardFacts facts;
  private final ObjectMapper json;
  private final List<String> phaseOrder;
  private final Map<String, String> names = new HashMap<>();
  private final RegulatorClock clock;
  private final MonitoringCases cases;
  private final OnSiteChecks onSiteChecks;

  public Dashboard(AnalyticsMapper mapper, DashboardFacts facts, ObjectMapper json, RegulatorClock clock,
                   MonitoringCases cases, OnSiteChecks onSiteChecks) {
    this.mapper = mapper;
    this.facts = facts;
    this.json = json;
    this.clock = clock;
    this.cases = cases;
    this.onSiteChecks = onSiteChecks;
    BpmnModelInstance riskCase = model(DIAGRAM);
    this.phaseOrder = riskCase.getModelElementsByType(SubProcess.class).stream().map(SubProcess::getId).toList();
    for (BpmnModelInstance model : List.of(riskCase, model(LAB_TEST_DIAGRAM))) {
      model.getModelElementsByType(FlowNode.class).forEach(node -> names.put(node.getId(), node.getName()));
    }
  }

  public View forPeriod(LocalDate from, LocalDate to, CaseFilter filter) {
    PeriodFigures figures = figures(from, to, filter);
    LocalDateTime now = clock.now();
    List<CycleTime> phases = phases(figures);
    List<StepTime> steps = steps(figures);
    Map<Dimension, List<Breakdown>> breakdowns = new EnumMap<>(Dimension.class);
    for (Dimension dimension : Dimension.values()) {
      breakdowns.put(dimension, figures.breakdown(dimension));
    }
    return new View(from, to, filter, figures.programme(), figures.riskLevels(), phases, steps, openWork(now, filter),
        months(figures), breakdowns, nodes(figures, filter, now, phases, steps),
        mapper.onSiteFindings(from.atStartOfDay(), to.atStartOfDay(), filter));
  }

  /** The programme figures alone, for a period and filter: the cards' year-before comparison and the report. */
  public ProgrammeFigures programmeFigures(LocalDate from, LocalDate to, CaseFilter filter) {
    return figures(from, to, filter).programme();
  }

  private PeriodFigures figures(LocalDate from, LocalDate to, CaseFilter filter) {
    return new PeriodFigures(facts.current(), from.atStartOfDay(), to.atStartOfDay(), filter);
  }

  private List<CycleTime> phases(PeriodFigures figures) {
    List<CycleTime> phases = new ArrayList<>(figures.cycleTimes(true).stream()
        .map(c -> c.named(names.get(c.activityId()))).toList());
    phases.sort(Comparator.comparingInt(c -> phaseOrder.indexOf(c.activityId())));
    return phases;
  }

  private List<StepTime> steps(PeriodFigures figures) {
    return figures.steps().stream().map(t -> t.named(names.get(t.activityId()))).toList();
  }

  private List<OpenWork> openWork(LocalDateTime now, CaseFilter filter) {
    List<OpenWork> open = new ArrayList<>(mapper.openWork(now.minusDays(7), now.minusDays(30), now.minusDays(90),
        filter, false));
    open.sort(Comparator.comparingInt(o -> phaseOrder.indexOf(o.activityId())));
    return open;
  }

  private List<MonthRow> months(PeriodFigures figures) {
    Map<Integer, MonthFigure> opened = byMonth(figures.openedByMonth());
    Map<Integer, MonthFigure> closed = byMonth(figures.closedByMonth());
    TreeMap<Integer, MonthRow> rows = new TreeMap<>();
    for (int month : union(opened.keySet(), closed.keySet())) {
      MonthFigure o = opened.get(month);
      MonthFigure c = closed.get(month);
      rows.put(month, new MonthRow(String.format("%d-%02d", month / 100, month % 100), o == null ? 0 : o.cases(),
          c == null ? 0 : c.cases(), c == null ? null : c.medianDuration()));
    }
    return List.copyOf(rows.values());
  }

  private static Map<Integer, MonthFigure> byMonth(List<MonthFigure> figures) {
    return figures.stream().collect(Collectors.toMap(MonthFigure::calendarMonth, Function.identity()));
  }

  private static List<Integer> union(Set<Integer> a, Set<Integer> b) {
    TreeSet<Integer> all = new TreeSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  /**
   * Every phase and step of risk-case that was passed or is waited at: the heatmap's figures. The
   * phases' and user tasks' times are the page's own tables (a user task lasts as long as its
   * activity); only the system steps and lab-test calls are ranked here.
   */
  private List<NodeTime> nodes(PeriodFigures figures, CaseFilter filter, LocalDateTime now, List<CycleTime> phases,
                               List<StepTime> steps) {
    List<CycleTime> finished = new ArrayList<>(phases);
    steps.forEach(s -> finished.add(new CycleTime(s.activityId(), s.name(), s.count(), s.mean(), s.median(), s.p90())));
    finished.addAll(figures.cycleTimes(false));
    Map<String, Long> waiting = mapper.openWork(now.minusDays(7), now.minusDays(30), now.minusDays(90), filter, true)
        .stream().collect(Collectors.toMap(OpenWork::activityId, OpenWork::openCases));
    Map<String, NodeTime> nodes = new LinkedHashMap<>();
    finished.forEach(c -> nodes.put(c.activityId(),
        new NodeTime(c.activityId(), c.count(), c.median(), c.p90(), waiting.getOrDefault(c.activityId(), 0L))));
    waiting.forEach((id, open) -> nodes.putIfAbsent(id, new NodeTime(id, 0, 0, 0, open)));
    return List.copyOf(nodes.values());
  }

  /** The heatmap's and charts' data for the page's script. */
  public String chartData(View view) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("nodes", view.nodes());
    data.put("phases", view.phases());
    data.put("months", view.months());
    data.put("riskLevels", view.riskLevels());
    data.put("query", view.query());
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public String diagramXml() {
    try (InputStream in = new ClassPathResource(DIAGRAM).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The cases behind a figure; null for a figure the page does not have. {@code activityId} names
   * the phase or step of the figures about one, {@code item} the check of the on-site findings.
   */
  public List<CaseRow> casesBehind(String figure, String activityId, String item, LocalDate from, LocalDate to,
                                   CaseFilter filter) {
    return switch (figure) {
      case ON_SITE_FINDINGS ->
          mapper.casesWithOnSiteFindings(item, from.atStartOfDay(), to.atStartOfDay(), filter, CASE_LIST_LIMIT);
      case "through" -> activityId == null ? null
          : mapper.casesThrough(activityId, from.atStartOfDay(), to.atStartOfDay(), filter, CASE_LIST_LIMIT);
      case "waiting" -> activityId == null ? null : mapper.casesWaitingAt(activityId, filter, CASE_LIST_LIMIT);
      case "opened", "sampled", "tested", "nonconforming", "visited", "meetings", "problemsFound", "problemsSolved",
           "closed", "redListed", "blackListed" ->
          mapper.casesBehind(figure, from.atStartOfDay(), to.atStartOfDay(), filter, CASE_LIST_LIMIT);
      default -> null;
    };
  }

  public CaseRow caseByNumber(String caseNumber) {
    return mapper.caseByNumber(caseNumber);
  }

  public List<TimelineEntry> timeline(String caseNumber) {
    return mapper.timeline(caseNumber);
  }

  /** The case's on-site checklist with its answers and photos; null if it has none. */
  public OnSiteChecks.ChecklistView onSiteChecklist(String caseNumber) {
    MonitoringCase found = cases.byNumber(caseNumber);
    return found == null ? null : onSiteChecks.ofCase(found.id());
  }

  /** The filter's choices, by filter field. */
  public Map<String, List<Choice>> choices() {
    Map<String, List<Choice>> choices = new LinkedHashMap<>();
    choices.put("productKind", mapper.productKinds());
    choices.put("district", mapper.districts());
    choices.put("cluster", mapper.clusters());
    choices.put("lab", mapper.labs());
    choices.put("expert", mapper.experts());
    choices.put("riskLevel", Arrays.stream(RiskLevel.values())
        .map(l -> new Choice(l.name(), l.label())).toList());
    choices.put("outcome", Arrays.stream(Outcome.values())
        .map(o -> new Choice(o.name(), o.label())).toList());
    return choices;
  }

  /**
   * One table of the page as it is exported, by name, computed alone (the export does not run the
   * page's other queries); null for a name the page does not have.
   */
  public Table export(String name, LocalDate from, LocalDate to, CaseFilter filter) {
    PeriodFigures figures = figures(from, to, filter);
    for (Dimension dimension : Dimension.values()) {
      if (name.equals(dimension.exportName())) {
        return breakdownTable(dimension, figures.breakdown(dimension));
      }
    }
    return switch (name) {
      case "figures" -> figuresTable(figures.programme());
      case "risk-levels" -> new Table(name, List.of("风险等级 Risk level", "案件数 Cases"),
          figures.riskLevels().stream().map(l -> List.<Object>of(l.riskLevel(), l.cases())).toList());
      case "phases" -> new Table(name, List.of("编号 Id", "阶段 Phase", "件数 Count", "中位数（小时） Median (h)",
          "P90（小时） P90 (h)", "平均（小时） Mean (h)"), phases(figures).stream().map(c -> List.<Object>of(
              c.activityId(), c.name(), c.count(), hours(c.median()), hours(c.p90()), hours(c.mean()))).toList());
      case "steps" -> new Table(name, List.of("编号 Id", "环节 Step", "件数 Count", "中位数（小时） Median (h)",
          "P90（小时） P90 (h)", "平均（小时） Mean (h)", "等待中位数（小时） Median waiting (h)",
          "办理中位数（小时） Median working (h)", "按期完成率 Share on time"), steps(figures).stream()
          .map(t -> List.<Object>of(t.activityId(), t.name(), t.count(), hours(t.median()), hours(t.p90()),
              hours(t.mean()), hours(t.medianWaiting()), hours(t.medianWorking()),
              t.onTimeShare() < 0 ? "" : t.onTimeShare())).toList());
      case "open-work" -> new Table(name, List.of("编号 Id", "阶段 Phase", "在办 Open", "7天内 Up to 7 days",
          "8–30天 8–30 days", "31–90天 31–90 days", "90天以上 Over 90 days"), openWork(clock.now(), filter)
          .stream().map(o -> List.<Object>of(o.activityId(), o.name(), o.openCases(), o.upTo7(), o.upTo30(),
              o.upTo90(), o.over90())).toList());
      case "on-site-findings" -> new Table(name, List.of("编码 Code", "产品种类 Product kind", "检查项 Check",
          "检查 Checked", "发现问题 Findings", "发现率 Share of findings", "作为问题跟踪 Tracked as problems",
          "已解决 Solved"), mapper.onSiteFindings(from.atStartOfDay(), to.atStartOfDay(), filter).stream().map(r -> List.<Object>of(
              r.productKind(), r.productKindName(), r.itemTitle(), r.checked(), r.findings(), r.findingShare(),
              r.tracked(), r.solved())).toList());
      case "months" -> new Table(name, List.of("月份 Month", "立案 Opened", "结案 Closed",
          "结案周期中位数（天） Median days to closure"), months(figures).stream().map(m -> List.<Object>of(
              m.month(), m.opened(), m.closed(), m.medianClosedDuration() == null ? "" : days(m.medianClosedDuration())))
          .toList());
      default -> null;
    };
  }

  private static Table figuresTable(ProgrammeFigures f) {
    return new Table("figures", List.of("指标 Figure", "数值 Value"), List.of(
        List.of("监测批次 Batches sampled", f.batchesSampled()),
        List.of("产品种类 Product kinds", f.productKinds()),
        List.of("检验批次 Batches tested", f.batchesTested()),
        List.of("不合格批次 Batches nonconforming", f.batchesNonconforming()),
        List.of("不合格率 Nonconformity rate", f.nonconformityRate()),
        List.of("专家帮扶人次 Expert person-visits", f.expertVisits()),
        List.of("培训与质量分析会 Meetings held", f.meetingsHeld()),
        List.of("帮扶企业 Enterprises assisted", f.enterprisesAssisted()),
        List.of("帮扶产业集群 Clusters assisted", f.clustersAssisted()),
        List.of("发现问题 Problems found", f.problemsFound()),
        List.of("解决问题 Problems solved", f.problemsSolved()),
        List.of("结案 Cases closed", f.casesClosed()),
        List.of("红榜 Red list", f.redListed()),
        List.of("黑榜 Black list", f.blackListed())));
  }

  private static Table breakdownTable(Dimension dimension, List<Breakdown> rows) {
    return new Table(dimension.exportName(), List.of("编码 Code", dimension.label(), "监测批次 Sampled", "检验 Tested",
        "不合格 Nonconforming", "专家帮扶人次 Expert visits", "发现问题 Problems found", "解决问题 Problems solved",
        "结案 Closed"), rows.stream().map(b -> List.<Object>of(b.code(), b.name(), b.batchesSampled(),
            b.batchesTested(), b.batchesNonconforming(), b.expertVisits(), b.problemsFound(), b.problemsSolved(),
            b.casesClosed())).toList());
  }

  static double hours(double millis) {
    return Math.round(millis / 360_000.0) / 10.0;
  }

  static double days(double millis) {
    return Math.round(millis / 8_640_000.0) / 10.0;
  }

  static String query(LocalDate from, LocalDate to, CaseFilter filter) {
    UriComponentsBuilder query = UriComponentsBuilder.newInstance().queryParam("from", from).queryParam("to", to);
    addIfSet(query, "productKind", filter.productKind());
    addIfSet(query, "district", filter.district());
    addIfSet(query, "cluster", filter.cluster());
    addIfSet(query, "lab", filter.lab());
    addIfSet(query, "expert", filter.expert());
    addIfSet(query, "riskLevel", filter.riskLevel());
    addIfSet(query, "outcome", filter.outcome());
    return query.encode().build().getQuery();
  }

  private static void addIfSet(UriComponentsBuilder query, String name, Object value) {
    if (value != null) {
      query.queryParam(name, value);
    }
  }

  private static BpmnModelInstance model(String resource) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
