package org.riskmonitor.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.riskmonitor.notification.MailCount;
import org.riskmonitor.notification.MailOutbox;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The figures an operator watches, as Prometheus gauges: the engine's jobs and incidents, open and
 * overdue tasks by phase, mails waiting to be sent. They are read from the database every
 * {@code riskmonitor.metrics.refresh} (one query per table), not at each scrape, so any number of
 * scrapers costs the database the same. Every node reports the same figures (they are the
 * database's): aggregate them with max, not sum.
 */
@Component
public class OperationsFigures {

  private final OperationsMapper mapper;
  private final MailOutbox mail;
  private final MultiGauge openJobs;
  private final MultiGauge dueJobs;
  private final MultiGauge failedJobs;
  private final MultiGauge incidents;
  private final MultiGauge openTasks;
  private final MultiGauge overdueTasks;
  private final MultiGauge mails;

  public OperationsFigures(OperationsMapper mapper, MailOutbox mail, MeterRegistry meters) {
    this.mapper = mapper;
    this.mail = mail;
    openJobs = gauge("camunda.jobs.open", "Jobs with retries left, by process and type (timers not yet due included)", meters);
    dueJobs = gauge("camunda.jobs.due", "Jobs due now and not suspended: the job executor's backlog", meters);
    failedJobs = gauge("camunda.jobs.failed", "Jobs with no retries left", meters);
    incidents = gauge("camunda.incidents.open", "Open incidents, by process and incident type", meters);
    openTasks = gauge("riskmonitor.tasks.open", "Open user tasks, by phase", meters);
    overdueTasks = gauge("riskmonitor.tasks.overdue", "Open user tasks past their due date, by phase", meters);
    mails = gauge("riskmonitor.mails.waiting", "Recorded mails not yet sent: new, or retrying after a failure", meters);
  }

  private static MultiGauge gauge(String name, String description, MeterRegistry meters) {
    return MultiGauge.builder(name).description(description).register(meters);
  }

  @Scheduled(fixedDelayString = "${riskmonitor.metrics.refresh:30s}")
  public void refresh() {
    Date now = ClockUtil.getCurrentTime();
    List<JobFigure> jobs = mapper.jobs(now);
    set(openJobs, jobs, job -> Tags.of("process", job.process(), "type", job.type()), JobFigure::openJobs);
    set(dueJobs, jobs, job -> Tags.of("process", job.process(), "type", job.type()), JobFigure::dueJobs);
    set(failedJobs, jobs, job -> Tags.of("process", job.process(), "type", job.type()), JobFigure::failedJobs);
    set(incidents, mapper.incidents(), incident -> Tags.of("process", incident.process(), "type", incident.type()),
        IncidentFigure::incidents);
    List<TaskFigure> tasks = tasksByPhase(now);
    set(openTasks, tasks, task -> Tags.of("phase", task.phase()), TaskFigure::openTasks);
    set(overdueTasks, tasks, task -> Tags.of("phase", task.phase()), TaskFigure::overdueTasks);
    // both states are always reported, so an alert on them never sees a missing series
    Map<String, Long> waiting = new TreeMap<>(Map.of("PENDING", 0L, "RETRYING", 0L));
    for (MailCount count : mail.counts()) {
      waiting.computeIfPresent(count.status(), (status, none) -> count.messages());
    }
    mails.register(waiting.entrySet().stream()
        .map(state -> MultiGauge.Row.of(Tags.of("state", state.getKey().toLowerCase(Locale.ROOT)), state.getValue()))
        .toList(), true);
  }

  /** Tasks by phase, and those without one as "none": all tasks less those with a phase. */
  private List<TaskFigure> tasksByPhase(Date now) {
    List<TaskFigure> byPhase = new ArrayList<>(mapper.tasksByPhase(now));
    TaskFigure all = mapper.allTasks(now);
    long withPhase = byPhase.stream().mapToLong(TaskFigure::openTasks).sum();
    long overdueWithPhase = byPhase.stream().mapToLong(TaskFigure::overdueTasks).sum();
    if (all.openTasks() > withPhase) {
      byPhase.add(new TaskFigure(all.phase(), all.openTasks() - withPhase, all.overdueTasks() - overdueWithPhase));
    }
    return byPhase;
  }

  private static <T> void set(MultiGauge gauge, List<T> figures, Function<T, Tags> tags, ToLongFunction<T> value) {
    gauge.register(figures.stream().map(figure -> MultiGauge.Row.of(tags.apply(figure), value.applyAsLong(figure))).toList(),
        true);
  }
}
