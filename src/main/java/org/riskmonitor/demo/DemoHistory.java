package org.riskmonitor.demo;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.cases.MonitoringCase;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.cases.PlanLineChoices;
import org.riskmonitor.cases.PlanLineOffer;
import org.riskmonitor.cases.Venue;
import org.riskmonitor.component.ComponentType;
import org.riskmonitor.enterprise.Enterprise;
import org.riskmonitor.enterprise.EnterpriseRegistry;
import org.riskmonitor.laboratory.Lab;
import org.riskmonitor.laboratory.Laboratories;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Walks the demo's cases through their steps with the engine clock moved into the past, so the first
 * start holds months of work as people would have done it: each step taking the time {@link Pace}
 * gives it, claimed a while after it was offered, the dates in the forms the days they were done.
 * Engine history, our tables and due dates agree because they all read the same moved clock. Open
 * cases are timed backwards from now, so each stands at its step since a few hours (a few, on purpose,
 * since past their due date). Whatever the history left behind — a document's receipt, a publication
 * to approve — is done by its people a little later, unless that is still to come. The clock is
 * always put back.
 */
@Component
@ConditionalOnProperty(name = "riskmonitor.demo.enabled", havingValue = "true")
public class DemoHistory {

  /** Processes a case starts besides its own: their tasks are settled after the case's step. */
  private static final Set<String> SIDE_PROCESSES = Set.of("publication", "document-service");
  /** Side tasks younger than this stay open: their people would not have got to them yet. */
  private static final Duration SIDE_TASKS_OPEN_FOR = Duration.ofDays(2);
  private static final String FAST_LAB = "TJQI2";

  /** A case of the history: who, what, and which way it goes. */
  public record HistoryCase(String uscc, String productKind, String productName, Route route) {
  }

  private final CaseWalker walker;
  private final DemoPlans plans;
  private final PlanLineChoices lines;
  private final MonitoringCases cases;
  private final EnterpriseRegistry enterprises;
  private final Laboratories labs;
  private final TaskService taskService;
  private final FormService formService;
  private final ManagementService managementService;
  private final CaseHistoryCopies copies;
  private final RegulatorClock clock;
  /** The steps each route took to closure, by task definition key, to time open cases on the same route. */
  private final Map<Route, List<String>> paths = new HashMap<>();

  public DemoHistory(CaseWalker walker, DemoPlans plans, PlanLineChoices lines, MonitoringCases cases,
                     EnterpriseRegistry enterprises, Laboratories labs, TaskService taskService, FormService formService,
                     ManagementService managementService, CaseHistoryCopies copies, RegulatorClock clock) {
    this.walker = walker;
    this.plans = plans;
    this.lines = lines;
    this.cases = cases;
    this.enterprises = enterprises;
    this.labs = labs;
    this.taskService = taskService;
    this.formService = formService;
    this.managementService = managementService;
    this.copies = copies;
    this.clock = clock;
  }

  /** Sets the engine clock, and with it every date the application computes. */
  public void at(LocalDateTime time) {
    ClockUtil.setCurrentTime(clock.date(time));
  }

  /** Approves the demo's plan of the year {@code time} falls in, at that time. */
  public void planOfYear(LocalDateTime time) {
    at(time);
    plans.seedDemoPlan();
  }

  /**
   * Opens the case at {@code start} and walks it to its end, the fast lab testing it when {@code fastLab}
   * and it may. Returns the case number.
   */
  public String closed(HistoryCase demo, LocalDateTime start, long seed, boolean fastLab, LocalDateTime now) {
    at(start);
    String caseNumber = open(demo);
    paths.putIfAbsent(demo.route(), walk(caseNumber, "closed", demo, start, seed, fastLab, null, now));
    return caseNumber;
  }

  /**
   * Opens the case and walks it to {@code stopAt}, timed so that its last step was submitted {@code age}
   * before {@code now}: the step it stands at has waited that long.
   */
  public String open(HistoryCase demo, String stopAt, Duration age, long seed, LocalDateTime now) {
    LocalDateTime arrival = now.minus(age);
    LocalDateTime start = startFor(demo, stopAt, arrival, seed);
    at(start);
    String caseNumber = open(demo);
    walk(caseNumber, stopAt, demo, start, seed, false, arrival, now);
    return caseNumber;
  }

  /**
   * A case of components at the plant, supplied by the supplier: walked to its end from {@code start}
   * when {@code stopAt} is "closed", else timed to stand at {@code stopAt} since {@code age}.
   */
  public String componentCase(List<String> plant, List<String> supplier, ComponentType type, String productName,
                              String stopAt, Route route, LocalDateTime closedFrom, Duration age, long seed,
                              LocalDateTime now) {
    HistoryCase demo = new HistoryCase(plant.get(0), type.productKind(), productName, route);
    boolean closed = "closed".equals(stopAt);
    LocalDateTime arrival = now.minus(age);
    LocalDateTime start = closed ? closedFrom : startFor(demo, stopAt, arrival, seed);
    at(start);
    String caseNumber = walker.openComponentCase(plant.get(0), type, productName, supplier.get(0), supplier.get(1))
        .getBusinessKey();
    walk(caseNumber, stopAt, demo, start, seed, false, closed ? null : arrival, now);
    return caseNumber;
  }

  /** When a case must open to reach {@code stopAt} at {@code arrival}, by the steps of its route walked before. */
  private LocalDateTime startFor(HistoryCase demo, String stopAt, LocalDateTime arrival, long seed) {
    // a route no closed case took is timed by the longest path walked: the walk is held to its arrival anyway
    List<String> path = paths.getOrDefault(demo.route(),
        paths.values().stream().max(Comparator.comparingInt(List::size)).orElse(List.of()));
    double hours = 0;
    for (int step = 0; step < path.size() && !path.get(step).equals(stopAt); step++) {
      hours += Pace.step(seed, step, path.get(step), demo.productKind(), false).hours();
    }
    return arrival.minus(Duration.ofMinutes(Math.round(hours * 60)));
  }

  private String open(HistoryCase demo) {
    return walker.openFromLine(plans.openLineFor(demo.uscc(), demo.productKind(), 1), demo.uscc(), demo.productName())
        .getBusinessKey();
  }

  /**
   * Submits the case's steps until {@code stopAt}, each after the time it takes; never later than
   * {@code latest} (an open case's arrival at its step) nor than now.
   */
  private List<String> walk(String caseNumber, String stopAt, HistoryCase demo, LocalDateTime start, long seed,
                            boolean fastLab, LocalDateTime latest, LocalDateTime now) {
    LocalDateTime limit = latest != null ? latest : now.minusHours(1);
    LocalDateTime[] time = {start};
    int[] step = {0};
    // the batch was made some weeks before it was sampled
    Route route = demo.route().with(r -> r.productionDate = start.toLocalDate().minusDays(20 + seed % 60).toString());
    List<String> steps = walker.advanceTo(caseNumber, stopAt, route, new CaseWalker.BeforeSubmit() {
      @Override
      public void started(Task task) {
        Pace.Step pace = Pace.step(seed, step[0]++, task.getTaskDefinitionKey(), demo.productKind(),
            fastLab && task.getProcessDefinitionId().startsWith("lab-test:"));
        LocalDateTime claimed = earliest(time[0].plusMinutes(Math.round(pace.waitingHours() * 60)), limit);
        time[0] = earliest(time[0].plusMinutes(Math.round(pace.hours() * 60)), limit);
        if (task.getAssignee() == null) {
          at(claimed);
          String person = walker.actorFor(task);
          walker.as(person, () -> {
            taskService.claim(task.getId(), person);
            return null;
          });
        }
        at(time[0]);
      }

      @Override
      public void submitting(Task task, Map<String, Object> values) {
        if (fastLab && task.getTaskDefinitionKey().equals("Task_AssignSampling")) {
          MonitoringCase monitoringCase = cases.byNumber(caseNumber);
          labs.accreditedFor(monitoringCase.productKind()).stream().filter(lab -> lab.code().equals(FAST_LAB))
              .findFirst().map(Lab::id).ifPresent(lab -> values.put("labId", String.valueOf(lab)));
        }
      }
    });
    settleSideTasks(time[0], now);
    return steps;
  }

  private static LocalDateTime earliest(LocalDateTime a, LocalDateTime b) {
    return a.isBefore(b) ? a : b;
  }

  /**
   * The receipts and publications the history's steps started, done by the enterprise or the manager
   * a day or so after they were offered, if that day has come by {@code time}; younger ones stay open.
   */
  private void settleSideTasks(LocalDateTime time, LocalDateTime now) {
    LocalDateTime current = clock.now();
    for (Task task : taskService.createTaskQuery().processDefinitionKeyIn(SIDE_PROCESSES.toArray(String[]::new))
        .active().orderByTaskCreateTime().asc().list()) {
      LocalDateTime created = clock.local(task.getCreateTime());
      LocalDateTime done = created.plusHours(6 + Math.floorMod(task.getId().hashCode(), 40));
      if (done.isAfter(time) || done.isAfter(now.minus(SIDE_TASKS_OPEN_FOR))) {
        continue;
      }
      at(done);
      Map<String, Object> values = task.getProcessDefinitionId().startsWith("publication:")
          ? Map.of("publicationDecision", "APPROVED") : Map.of("receiptConfirmed", true);
      walker.as(walker.actorFor(task), () -> {
        formService.submitTaskForm(task.getId(), values);
        return null;
      });
      runMessages(task.getProcessInstanceId());
    }
    at(current);
  }

  private void runMessages(String processInstanceId) {
    for (Job job : managementService.createJobQuery().processInstanceId(processInstanceId).messages().executable()
        .list()) {
      managementService.executeJob(job.getId());
    }
  }

  /**
   * Settles what the history left open to settle by now, then runs the timers it passed, each at the
   * time it fell due and in that order: the reminders and escalations of the steps left overdue on
   * purpose, the end of last year's plan. So nothing is overdue when the job executor starts: no
   * storm of reminders at the first start.
   */
  public void catchUp(LocalDateTime now) {
    settleSideTasks(now, now);
    for (int round = 0; round < 1_000; round++) {
      List<Job> due = managementService.createJobQuery().timers().duedateLowerThan(clock.date(now))
          .orderByJobDuedate().asc().listPage(0, 1);
      if (due.isEmpty()) {
        return;
      }
      // a minute after it fell due: a repeating timer's next time is then after it, not at it again
      at(clock.local(due.get(0).getDuedate()).plusMinutes(1));
      managementService.executeJob(due.get(0).getId());
    }
    throw new IllegalStateException("the demo's history keeps timers falling due");
  }

  /**
   * Copies closed cases ({@code templates}, by case number) to {@code count} cases of their product
   * kind at the enterprises making it, started between {@code from} and now, each step stretched by a
   * factor between 0.6 and 1.9 and by the district's habits.
   */
  public int copyClosed(List<String> templates, int count, LocalDateTime from, LocalDateTime now,
                        Map<String, List<String>> makers) {
    long span = ChronoUnit.MINUTES.between(from, now);
    // the lines of each year's plan, read once; batches taken are counted here as the copies take them
    Map<Integer, List<PlanLineOffer>> linesOfYear = new HashMap<>();
    Map<Long, Integer> taken = new HashMap<>();
    int made = 0;
    for (int n = 0; n < count; n++) {
      MonitoringCase template = cases.byNumber(templates.get(n % templates.size()));
      List<String> kindMakers = makers.get(template.productKind());
      Enterprise enterprise = enterprises.byUscc(kindMakers.get((n / templates.size()) % kindMakers.size()));
      LocalDateTime templateStart = template.openedAt();
      long templateMinutes = ChronoUnit.MINUTES.between(templateStart, copies.closedAt(template.id()));
      int perMille = 600 + (int) (n * 7_919L % 1_300) + districtDelay(enterprise.districtCode());
      long copyMinutes = templateMinutes * perMille / 1_000;
      long latestStart = span - copyMinutes - ChronoUnit.MINUTES.between(now.minusDays(2), now);
      if (latestStart <= 0) {
        continue;
      }
      LocalDateTime start = from.plusMinutes(n * 104_729L % latestStart);
      List<PlanLineOffer> open = linesOfYear.computeIfAbsent(start.getYear(), year -> {
        at(start);
        return lines.openLines();
      });
      Long line = open.stream()
          .filter(l -> l.productKind().equals(template.productKind())
              && l.districtCode().equals(enterprise.districtCode()) && !Venue.ASSEMBLY_COMPONENTS.name().equals(l.venue()))
          .map(l -> Map.entry(l.id(), l.batches() - l.casesOpened() - taken.getOrDefault(l.id(), 0)))
          .filter(left -> left.getValue() > 0)
          .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
      if (line != null) {
        taken.merge(line, 1, Integer::sum);
      }
      copies.copy(new CaseHistoryCopies.Copy("H" + n, template.id(), enterprise.id(), line,
          ChronoUnit.SECONDS.between(templateStart, start), perMille));
      made++;
    }
    return made;
  }

  /** Some districts' enterprises are slower to answer and their cases take longer, in thousandths. */
  private static int districtDelay(String district) {
    return switch (district) {
      case "120113", "120117" -> 350;
      case "120101", "120104" -> -100;
      default -> 0;
    };
  }
}
