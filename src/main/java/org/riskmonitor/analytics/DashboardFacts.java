package org.riskmonitor.analytics;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.riskmonitor.analytics.CaseFacts.Event;
import org.riskmonitor.analytics.CaseFacts.Events;
import org.riskmonitor.analytics.CaseFacts.Timings;
import org.riskmonitor.analytics.FactsMapper.CaseRow;
import org.riskmonitor.analytics.FactsMapper.EventRow;
import org.riskmonitor.analytics.FactsMapper.ProcessRow;
import org.riskmonitor.analytics.FactsMapper.TimedRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The dashboard's read model: the facts of every case, held in memory and kept up to date from
 * the record (our tables and the engine's history), so a page over 100,000 closed cases is
 * computed in memory instead of ranking millions of history rows in SQL. Nothing is kept that
 * the record does not hold: every node builds its own from the database at its first refresh,
 * and rebuilds it whole every {@code riskmonitor.dashboard.rebuild-every} (an enterprise that
 * moved district, history cleaned up).
 *
 * <p>A refresh loads the cases that may have changed since the last one: the new ones (by id,
 * with the ids skipped by a transaction not yet committed watched for an hour), those whose process
 * is still running, and those it held as running whose process has ended since. A case whose
 * process has ended no longer changes its figures. Refreshes run in the background every
 * {@code refresh-every}; a page finding the model older than {@code staleness} refreshes it first,
 * so a case that closes shows within that time (unless a refresh is under way, which it does not wait for).
 */
@Service
public class DashboardFacts {

  private static final Logger LOG = LoggerFactory.getLogger(DashboardFacts.class);
  private static final int CHUNK = 500;
  private static final long GAP_WATCH_NANOS = Duration.ofHours(1).toNanos();

  /** The model as one refresh left it; never changed afterwards. */
  record Snapshot(List<CaseFacts> cases, Map<Long, CaseFacts> byId, long maxId, long refreshedAt, long builtAt,
                  List<String> nodeIds, List<String> nodeTypes, Map<String, String> productKindNames,
                  Map<String, String> districtNames) {
  }

  private final FactsMapper mapper;
  private final long stalenessNanos;
  private final long rebuildNanos;
  private final Map<String, Integer> nodeIndex = new ConcurrentHashMap<>();
  private final List<String> nodeIds = new ArrayList<>();
  private final List<String> nodeTypes = new ArrayList<>();
  /** Ids above the last known one that were missing at a refresh, with when they were first missed. */
  private final Map<Long, Long> gaps = new HashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Snapshot snapshot;

  public DashboardFacts(FactsMapper mapper, @Value("${riskmonitor.dashboard.staleness}") Duration staleness,
                        @Value("${riskmonitor.dashboard.rebuild-every}") Duration rebuildEvery) {
    this.mapper = mapper;
    this.stalenessNanos = staleness.toNanos();
    this.rebuildNanos = rebuildEvery.toNanos();
  }

  /**
   * The model, refreshed first if it is older than the staleness allowed; while another refresh is
   * under way (a rebuild takes a while at national scale) the page takes the model as it is.
   */
  Snapshot current() {
    Snapshot current = snapshot;
    if (current != null && fresh(current)) {
      return current;
    }
    if (current == null) {
      lock.lock();
    } else if (!lock.tryLock()) {
      return current;
    }
    try {
      Snapshot again = snapshot;
      return again != null && fresh(again) ? again : refresh(false);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Brings the model up to date now, after a refresh under way if there is one: for a start that has
   * just written what its first users look at (the demo), which the staleness allowed would otherwise
   * let a page miss for half a minute.
   */
  public void refreshNow() {
    lock.lock();
    try {
      refresh(false);
    } finally {
      lock.unlock();
    }
  }

  /** In the background: an update, or when it is due the whole model rebuilt from the record. */
  @Scheduled(initialDelayString = "${riskmonitor.dashboard.refresh-every}",
      fixedDelayString = "${riskmonitor.dashboard.refresh-every}")
  public void refreshInBackground() {
    lock.lock();
    try {
      refresh(true);
    } finally {
      lock.unlock();
    }
  }

  private boolean fresh(Snapshot current) {
    return System.nanoTime() - current.refreshedAt() < stalenessNanos;
  }

  /** Under the lock; only the background rebuilds a model it already has. */
  private Snapshot refresh(boolean background) {
    Snapshot current = snapshot;
    long started = System.nanoTime();
    boolean rebuild = current == null || background && started - current.builtAt() >= rebuildNanos;
    Snapshot next = rebuild ? rebuild(started) : update(current);
    snapshot = next;
    if (rebuild) {
      LOG.info("Dashboard read model built: {} cases in {} ms", next.cases().size(),
          (System.nanoTime() - started) / 1_000_000);
    }
    return next;
  }

  private Snapshot rebuild(long started) {
    gaps.clear();
    List<Long> ids = mapper.caseIdsAfter(0, List.of());
    Map<Long, CaseFacts> byId = load(ids);
    long maxId = ids.stream().mapToLong(Long::longValue).max().orElse(0);
    return snapshot(byId, maxId, started);
  }

  private Snapshot update(Snapshot current) {
    long now = System.nanoTime();
    List<Long> newIds = mapper.caseIdsAfter(current.maxId(), gaps.keySet());
    Set<Long> seen = new HashSet<>(newIds);
    long maxId = Math.max(current.maxId(), newIds.stream().mapToLong(Long::longValue).max().orElse(0));
    gaps.keySet().removeAll(seen);
    for (long id = current.maxId() + 1; id < maxId; id++) {
      if (!seen.contains(id)) {
        gaps.putIfAbsent(id, now);
      }
    }
    gaps.values().removeIf(firstMissed -> now - firstMissed > GAP_WATCH_NANOS);
    Set<Long> toLoad = new HashSet<>(newIds);
    Set<Long> open = new HashSet<>();
    List<String> openProcesses = mapper.openProcessIds();
    for (int from = 0; from < openProcesses.size(); from += CHUNK) {
      open.addAll(mapper.caseIdsOfProcesses(openProcesses.subList(from, Math.min(openProcesses.size(), from + CHUNK))));
    }
    toLoad.addAll(open);
    for (CaseFacts held : current.cases()) {
      if (!held.settled() && !open.contains(held.id())) {
        toLoad.add(held.id());
      }
    }
    Map<Long, CaseFacts> byId = new HashMap<>(current.byId());
    byId.putAll(load(toLoad));
    return snapshot(byId, maxId, current.builtAt());
  }

  private Snapshot snapshot(Map<Long, CaseFacts> byId, long maxId, long builtAt) {
    return new Snapshot(List.copyOf(byId.values()), Map.copyOf(byId), maxId, System.nanoTime(), builtAt,
        List.copyOf(nodeIds), List.copyOf(nodeTypes), names(mapper.productKindNames()), names(mapper.districtNames()));
  }

  private static Map<String, String> names(List<Choice> choices) {
    return choices.stream().collect(Collectors.toUnmodifiableMap(Choice::code, Choice::label));
  }

  private Map<Long, CaseFacts> load(Collection<Long> ids) {
    Map<Long, CaseFacts> loaded = new HashMap<>();
    List<Long> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      // The processes before everything else: a process read as ended gains nothing afterwards, neither
      // history rows nor the closure written in the transaction that ended it. Read after the case row,
      // a closure committed in between would be missed for good, the case being held as settled.
      List<String> processIds = mapper.processIdsOfCases(chunk);
      Map<String, ProcessRow> processes = processIds.isEmpty() ? Map.of() : mapper.processes(processIds).stream()
          .collect(Collectors.toMap(ProcessRow::processInstanceId, Function.identity()));
      List<CaseRow> cases = mapper.cases(chunk);
      Map<Long, List<Long>> labs = mapper.labs(chunk).stream().collect(Collectors.groupingBy(FactsMapper.LabRow::caseId,
          Collectors.mapping(FactsMapper.LabRow::labId, Collectors.toList())));
      Map<Long, List<EventRow>> events = mapper.events(chunk).stream().collect(Collectors.groupingBy(EventRow::caseId));
      Map<String, List<TimedRow>> activities = processIds.isEmpty() ? Map.of() : byProcess(mapper.activities(processIds));
      Map<String, List<TimedRow>> tasks = processIds.isEmpty() ? Map.of() : byProcess(mapper.tasks(processIds));
      for (CaseRow c : cases) {
        ProcessRow process = c.processInstanceId() == null ? null : processes.get(c.processInstanceId());
        // a case without a process of its own (none started, or its history cleaned up) has nothing more to come
        boolean settled = process == null || process.ended();
        LocalDateTime completedAt = process == null ? null : process.completedAt();
        loaded.put(c.caseId(), new CaseFacts(c.caseId(), settled, c.productKind(), c.district(), c.cluster(),
            c.enterpriseId(), c.expertId(), c.riskLevel(), c.outcome(),
            labs.getOrDefault(c.caseId(), List.of()).stream().mapToLong(Long::longValue).toArray(),
            CaseFacts.instant(c.openedAt()), CaseFacts.instant(c.closedAt()), c.listEntry(),
            CaseFacts.instant(completedAt), completedAt == null ? 0 : process.duration(),
            events(events.getOrDefault(c.caseId(), List.of())),
            timings(ofProcess(activities, c)), timings(ofProcess(tasks, c))));
      }
    }
    return loaded;
  }

  private static List<TimedRow> ofProcess(Map<String, List<TimedRow>> rows, CaseRow c) {
    return c.processInstanceId() == null ? List.of() : rows.getOrDefault(c.processInstanceId(), List.of());
  }

  private static Map<String, List<TimedRow>> byProcess(List<TimedRow> rows) {
    return rows.stream().collect(Collectors.groupingBy(TimedRow::processInstanceId));
  }

  private static Events events(List<EventRow> rows) {
    Events events = new Events(new byte[rows.size()], new long[rows.size()], new int[rows.size()]);
    for (int i = 0; i < rows.size(); i++) {
      EventRow row = rows.get(i);
      events.kind()[i] = (byte) Event.of(row.kind()).ordinal();
      events.day()[i] = CaseFacts.instant(row.onDay());
      events.amount()[i] = row.amount();
    }
    return events;
  }

  private Timings timings(List<TimedRow> rows) {
    int size = rows.size();
    Timings timings = new Timings(new int[size], new long[size], new long[size], new long[size], new byte[size]);
    for (int i = 0; i < size; i++) {
      TimedRow row = rows.get(i);
      timings.node()[i] = node(row.activityId(), row.activityType());
      timings.end()[i] = CaseFacts.instant(row.endTime());
      timings.duration()[i] = row.duration();
      timings.waiting()[i] = row.waiting();
      timings.due()[i] = (byte) row.due();
    }
    return timings;
  }

  /** The node's index; the same id always gets the same one, the type its first row gave. */
  private int node(String activityId, String activityType) {
    return nodeIndex.computeIfAbsent(activityId, id -> {
      nodeIds.add(id);
      nodeTypes.add(activityType);
      return nodeIds.size() - 1;
    });
  }
}
