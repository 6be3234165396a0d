package org.riskmonitor.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** What the managers' dashboard shows for a period [from, to). */
@Service
public class Dashboard {

  public record View(LocalDate from, LocalDate to, ProgrammeFigures figures, List<LevelCount> riskLevels,
                     List<CycleTime> phases, List<CycleTime> tasks) {
  }

  private final AnalyticsMapper mapper;

  public Dashboard(AnalyticsMapper mapper) {
    this.mapper = mapper;
  }

  /** The view's tables as they are exported, by name: figures, phases, steps. */
  public Map<String, Table> tables(View view) {
    ProgrammeFigures f = view.figures();
    List<List<Object>> figures = List.of(
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
        List.of("黑榜 Black list", f.blackListed()));
    return Map.of(
        "figures", new Table("figures", List.of("指标 Figure", "数值 Value"), figures),
        "phases", cycleTable("phases", "阶段 Phase", view.phases()),
        "steps", cycleTable("steps", "环节 Step", view.tasks()));
  }

  private static Table cycleTable(String name, String what, List<CycleTime> times) {
    return new Table(name, List.of("编号 Id", what, "件数 Count", "中位数（小时） Median (h)", "P90（小时） P90 (h)",
        "平均（小时） Mean (h)"), times.stream().map(c -> List.<Object>of(c.activityId(), c.name(), c.count(),
            hours(c.median()), hours(c.p90()), hours(c.mean()))).toList());
  }

  private static double hours(double millis) {
    return Math.round(millis / 360_000.0) / 10.0;
  }

  public View forPeriod(LocalDate from, LocalDate to) {
    return new View(from, to, mapper.figures(from.atStartOfDay(), to.atStartOfDay()),
        mapper.riskLevels(from.atStartOfDay(), to.atStartOfDay()),
        mapper.phaseCycleTimes(from.atStartOfDay(), to.atStartOfDay()),
        mapper.taskCycleTimes(from.atStartOfDay(), to.atStartOfDay()));
  }
}
