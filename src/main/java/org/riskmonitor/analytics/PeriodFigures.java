package org.riskmonitor.analytics;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.riskmonitor.analytics.CaseFacts.Event;
import org.riskmonitor.analytics.CaseFacts.Events;
import org.riskmonitor.analytics.CaseFacts.Timings;

/**
 * The dashboard's figures of a period [from, to) over the cases a filter keeps, computed from the
 * read model. Counts and sums are exact; medians and p90s are nearest-rank (the smallest value
 * with at least that share of the values at or below it), as the SQL over history computed them.
 */
final class PeriodFigures {

  private static final Event[] EVENTS = Event.values();

  private final DashboardFacts.Snapshot model;
  private final long from;
  private final long to;
  private final List<CaseFacts> cases;

  PeriodFigures(DashboardFacts.Snapshot model, LocalDateTime from, LocalDateTime to, CaseFilter filter) {
    this.model = model;
    this.from = CaseFacts.instant(from);
    this.to = CaseFacts.instant(to);
    this.cases = filter.any() ? model.cases().stream().filter(c -> keeps(filter, c)).toList() : model.cases();
  }

  private static boolean keeps(CaseFilter f, CaseFacts c) {
    return (f.productKind() == null || f.productKind().equals(c.productKind()))
        && (f.district() == null || f.district().equals(c.district()))
        && (f.cluster() == null || f.cluster().equals(c.cluster()))
        && (f.lab() == null || c.hasLab(f.lab()))
        && (f.expert() == null || f.expert().equals(c.expertId()))
        && (f.riskLevel() == null || f.riskLevel().equals(c.riskLevel()))
        && (f.outcome() == null || f.outcome().equals(c.outcome()));
  }

  private boolean inPeriod(long time) {
    return time != CaseFacts.NONE && time >= from && time < to;
  }

  /** Counts of one case's events in the period, by kind (a visit counts its experts). */
  private long[] counted(CaseFacts c) {
    long[] counts = new long[EVENTS.length];
    Events events = c.events();
    for (int i = 0; i < events.size(); i++) {
      if (inPeriod(events.day()[i])) {
        counts[events.kind()[i]] += events.amount()[i];
      }
    }
    return counts;
  }

  ProgrammeFigures programme() {
    long[] totals = new long[EVENTS.length];
    Set<String> kinds = new HashSet<>();
    Set<Long> enterprises = new HashSet<>();
    Set<String> clusters = new HashSet<>();
    long closed = 0;
    long red = 0;
    long black = 0;
    for (CaseFacts c : cases) {
      long[] counts = counted(c);
      for (int k = 0; k < counts.length; k++) {
        totals[k] += counts[k];
      }
      if (counts[Event.SAMPLED.ordinal()] > 0) {
        kinds.add(c.productKind());
      }
      if (visitCount(c) > 0) {
        enterprises.add(c.enterpriseId());
        if (c.cluster() != null) {
          clusters.add(c.cluster());
        }
      }
      if (inPeriod(c.closedAt())) {
        closed++;
        red += "RED".equals(c.listEntry()) ? 1 : 0;
        black += "BLACK".equals(c.listEntry()) ? 1 : 0;
      }
    }
    long nonconforming = totals[Event.NONCONFORMING.ordinal()];
    return new ProgrammeFigures(totals[Event.SAMPLED.ordinal()], kinds.size(),
        totals[Event.TESTED.ordinal()] + nonconforming, nonconforming, totals[Event.VISITED.ordinal()],
        totals[Event.MEETING.ordinal()], enterprises.size(), clusters.size(), totals[Event.PROBLEM_FOUND.ordinal()],
        totals[Event.PROBLEM_SOLVED.ordinal()], closed, red, black);
  }

  /** Visits made in the period (not their experts). */
  private long visitCount(CaseFacts c) {
    long visits = 0;
    Events events = c.events();
    for (int i = 0; i < events.size(); i++) {
      if (events.kind()[i] == Event.VISITED.ordinal() && inPeriod(events.day()[i])) {
        visits++;
      }
    }
    return visits;
  }

  /** Cases opened in the period by the risk level their assessment reached. */
  List<LevelCount> riskLevels() {
    TreeMap<String, Long> levels = new TreeMap<>();
    for (CaseFacts c : cases) {
      if (c.riskLevel() != null && inPeriod(c.openedAt())) {
        levels.merge(c.riskLevel(), 1L, Long::sum);
      }
    }
    return levels.entrySet().stream().map(e -> new LevelCount(e.getKey(), e.getValue())).toList();
  }

  /** The programme's counts by product kind, district or cluster; a row for each value with anything counted. */
  List<Breakdown> breakdown(Dimension dimension) {
    Function<CaseFacts, String> code = switch (dimension) {
      case PRODUCT_KIND -> CaseFacts::productKind;
      case DISTRICT -> CaseFacts::district;
      case CLUSTER -> c -> c.cluster() == null ? "-" : c.cluster();
    };
    Function<String, String> name = switch (dimension) {
      case PRODUCT_KIND -> model.productKindNames()::get;
      case DISTRICT -> model.districtNames()::get;
      case CLUSTER -> Function.identity();
    };
    TreeMap<String, long[]> rows = new TreeMap<>();
    for (CaseFacts c : cases) {
      long[] counts = counted(c);
      boolean closed = inPeriod(c.closedAt());
      if (Arrays.stream(counts).anyMatch(n -> n > 0) || closed) {
        long[] row = rows.computeIfAbsent(code.apply(c), k -> new long[EVENTS.length + 1]);
        for (int k = 0; k < counts.length; k++) {
          row[k] += counts[k];
        }
        row[EVENTS.length] += closed ? 1 : 0;
      }
    }
    List<Breakdown> breakdown = new ArrayList<>();
    rows.forEach((key, r) -> {
      String label = name.apply(key);
      if (label != null) {
        long nonconforming = r[Event.NONCONFORMING.ordinal()];
        breakdown.add(new Breakdown(key, label, r[Event.SAMPLED.ordinal()], r[Event.TESTED.ordinal()] + nonconforming,
            nonconforming, r[Event.VISITED.ordinal()], r[Event.PROBLEM_FOUND.ordinal()],
            r[Event.PROBLEM_SOLVED.ordinal()], r[EVENTS.length]));
      }
    });
    return breakdown;
  }

  /** Phases ({@code phases}) or system steps and lab-test calls of the case diagram that ended in the period. */
  List<CycleTime> cycleTimes(boolean phases) {
    Map<Integer, Values> byNode = new TreeMap<>();
    for (CaseFacts c : cases) {
      Timings t = c.activities();
      for (int i = 0; i < t.size(); i++) {
        if (inPeriod(t.end()[i]) && phases == "subProcess".equals(model.nodeTypes().get(t.node()[i]))) {
          byNode.computeIfAbsent(t.node()[i], n -> new Values()).add(t.duration()[i]);
        }
      }
    }
    List<CycleTime> times = new ArrayList<>();
    byNode.forEach((node, values) -> times.add(new CycleTime(model.nodeIds().get(node), null, values.size, values.mean(),
        values.rank(1, 2), values.rank(9, 10))));
    return times;
  }

  /** User tasks of the cases and their lab tests completed in the period. */
  List<StepTime> steps() {
    Map<Integer, Values[]> byNode = new TreeMap<>();
    Map<Integer, long[]> due = new TreeMap<>();
    for (CaseFacts c : cases) {
      Timings t = c.tasks();
      for (int i = 0; i < t.size(); i++) {
        if (inPeriod(t.end()[i])) {
          Values[] values = byNode.computeIfAbsent(t.node()[i], n -> new Values[] {new Values(), new Values(), new Values()});
          values[0].add(t.duration()[i]);
          values[1].add(t.waiting()[i]);
          values[2].add(t.duration()[i] - t.waiting()[i]);
          long[] dueCounts = due.computeIfAbsent(t.node()[i], n -> new long[2]);
          dueCounts[0] += t.due()[i] > 0 ? 1 : 0;
          dueCounts[1] += t.due()[i] == 2 ? 1 : 0;
        }
      }
    }
    List<StepTime> steps = new ArrayList<>();
    byNode.forEach((node, v) -> steps.add(new StepTime(model.nodeIds().get(node), null, v[0].size, v[0].mean(),
        v[0].rank(1, 2), v[0].rank(9, 10), v[1].rank(1, 2), v[2].rank(1, 2), due.get(node)[0], due.get(node)[1])));
    return steps;
  }

  List<MonthFigure> openedByMonth() {
    TreeMap<Integer, Long> months = new TreeMap<>();
    for (CaseFacts c : cases) {
      if (inPeriod(c.openedAt())) {
        months.merge(month(c.openedAt()), 1L, Long::sum);
      }
    }
    return months.entrySet().stream().map(e -> new MonthFigure(e.getKey(), e.getValue(), null)).toList();
  }

  /** Cases whose process completed in each month, with the median time from start to end. */
  List<MonthFigure> closedByMonth() {
    TreeMap<Integer, Values> months = new TreeMap<>();
    for (CaseFacts c : cases) {
      if (inPeriod(c.processEnd())) {
        months.computeIfAbsent(month(c.processEnd()), m -> new Values()).add(c.processDuration());
      }
    }
    return months.entrySet().stream()
        .map(e -> new MonthFigure(e.getKey(), e.getValue().size, e.getValue().rank(1, 2))).toList();
  }

  private static int month(long instant) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(instant, 1000), 0, ZoneOffset.UTC);
    return time.getYear() * 100 + time.getMonthValue();
  }

  /** Durations of one figure: count, sum, and ranks once sorted. */
  private static final class Values {
    private long[] values = new long[16];
    private int size;
    private double sum;
    private boolean sorted;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
      sum += value;
      sorted = false;
    }

    double mean() {
      return size == 0 ? 0 : sum / size;
    }

    /** Nearest rank at the share numerator/denominator: the value at position ceil(share × count). */
    long rank(int numerator, int denominator) {
      if (!sorted) {
        Arrays.sort(values, 0, size);
        sorted = true;
      }
      int position = (int) ((numerator * (long) size + denominator - 1) / denominator);
      return values[Math.max(position, 1) - 1];
    }
  }
}
