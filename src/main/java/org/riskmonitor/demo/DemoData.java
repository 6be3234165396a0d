package org.riskmonitor.demo;

import static org.riskmonitor.demo.Route.Objection.RETEST_CONFIRMS;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.riskmonitor.analytics.DashboardFacts;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.component.ComponentType;
import org.riskmonitor.demo.DemoHistory.HistoryCase;
import org.riskmonitor.notification.Notifier;
import org.riskmonitor.operations.ReadinessCondition;
import org.riskmonitor.risk.RiskLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the embedded default profile, the first start creates the demo people and a year and a half of
 * work ({@link DemoHistory}): the plans of each year, about three hundred closed cases and some forty
 * open ones standing in every phase since hours (a few overdue), so the dashboard tells a story and
 * every role finds work in Tasklist; then this year's catalogue round. The history's mail is
 * withdrawn, never sent. The node is not ready for users until all that exists and the dashboard's
 * read model holds it: the web server answers before.
 */
@Component
@ConditionalOnProperty(name = "riskmonitor.demo.enabled", havingValue = "true")
public class DemoData implements ReadinessCondition {

  /** What the first start creates ({@code riskmonitor.demo.seed}). */
  public enum Seed {
    /** nothing: the tests create the people themselves and open their own cases */
    NONE,
    /** the people only: the resilience tests' servers, whose tests open their own cases */
    PEOPLE,
    /** the people and the demo cases */
    CASES
  }

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private record DemoCase(int enterprise, String productKind, String productName, String stopAt, Route route) {
  }

  /** The demo's samplers find a problem on site at every nonconforming case, so the dashboard counts findings. */
  private static final Route USUAL = Route.remediated().with(r -> r.onSiteFinding = true);

  private static final List<DemoCase> CASES = List.of(
      new DemoCase(0, "E_BIKE", "电动自行车", "Task_AssignSampling", USUAL),
      new DemoCase(2, "E_BIKE_LI_BATTERY", "电动自行车用锂离子蓄电池", "Task_AssignSampling", USUAL),
      new DemoCase(4, "CHILDREN_PRODUCT", "儿童滑板车", "Task_AssignSampling", USUAL),
      new DemoCase(3, "GAS_STOVE", "家用燃气灶", "Task_FillSamplingSlip", USUAL),
      new DemoCase(2, "PORTABLE_LI_BATTERY", "移动电源", "Task_FillSamplingSlip", USUAL),
      new DemoCase(0, "E_BIKE_CHARGER", "电动自行车充电器", "Task_ConfirmSamplingSlip", USUAL),
      new DemoCase(1, "WIRE_CABLE", "BV 2.5mm² 聚氯乙烯绝缘电线", "Task_ConfirmSamplingSlip", USUAL),
      new DemoCase(0, "E_BIKE", "电动自行车", "Task_ReceiveSample", USUAL),
      new DemoCase(1, "WIRE_CABLE", "BV 4mm² 聚氯乙烯绝缘电线", "Task_ReceiveSample", USUAL),
      new DemoCase(0, "E_BIKE_LI_BATTERY", "电动自行车用锂离子蓄电池", "Task_TestSample", USUAL),
      new DemoCase(1, "WIRE_CABLE", "BV 1.5mm² 聚氯乙烯绝缘电线", "Task_ReviewReport", USUAL),
      new DemoCase(0, "E_BIKE", "电动自行车", "Task_RespondToResult", USUAL),
      new DemoCase(1, "WIRE_CABLE", "BVR 6mm² 聚氯乙烯绝缘软电线", "Task_RespondToResult", USUAL),
      new DemoCase(1, "WIRE_CABLE", "BV 2.5mm² 聚氯乙烯绝缘电线", "Task_DecideObjection", USUAL.with(r -> r.objection = RETEST_CONFIRMS)),
      new DemoCase(0, "E_BIKE_CHARGER", "电动自行车充电器", "Task_AssessRisk", USUAL),
      new DemoCase(1, "WIRE_CABLE", "BV 10mm² 聚氯乙烯绝缘电线", "Task_AnalyseCauses", USUAL),
      new DemoCase(0, "E_BIKE_LI_BATTERY", "电动自行车用锂离子蓄电池", "Task_ApproveConsumerAlert", USUAL),
      new DemoCase(1, "WIRE_CABLE", "BV 2.5mm² 聚氯乙烯绝缘电线", "Task_RecordAssistanceVisit", USUAL.with(r -> r.riskLevel = RiskLevel.MEDIUM)),
      new DemoCase(0, "E_BIKE", "电动自行车", "Task_SubmitRemediationPlan", USUAL),
      new DemoCase(0, "E_BIKE_CHARGER", "电动自行车充电器", "Task_VerifyRemediation", USUAL),
      new DemoCase(1, "WIRE_CABLE", "BV 2.5mm² 聚氯乙烯绝缘电线", "Task_CloseCase", USUAL),
      new DemoCase(0, "E_BIKE", "电动自行车", "closed", Route.allItemsPass()),
      new DemoCase(1, "WIRE_CABLE", "BV 4mm² 聚氯乙烯绝缘电线", "closed", USUAL));

  /** Cases standing at their step since well past its due date, on purpose: a few late steps. */
  private static final Set<Integer> OVERDUE = Set.of(6, 10, 14);

  /**
   * More open cases, at the enterprises in more districts (numbered on after {@link DemoPeople#ENTERPRISES}
   * in the order of {@link DemoPeople#MORE_ENTERPRISES}), in every phase.
   */
  private static final List<DemoCase> MORE_OPEN = List.of(
      new DemoCase(5, "FOOD_CONTACT_PLASTIC", "外卖塑料餐盒", "Task_FillSamplingSlip", Route.allItemsPass()),
      new DemoCase(6, "WIRE_CABLE", "YJV 3×2.5mm² 电力电缆", "Task_TestSample", USUAL),
      new DemoCase(7, "E_BIKE", "电动自行车", "Task_ConfirmSamplingSlip", USUAL),
      new DemoCase(8, "E_BIKE_CHARGER", "电动自行车充电器", "Task_ReceiveSample", USUAL),
      new DemoCase(9, "CHILDREN_PRODUCT", "儿童自行车", "Task_TestSample", Route.allItemsPass()),
      new DemoCase(10, "GAS_STOVE", "嵌入式燃气灶", "Task_ReviewReport", USUAL),
      new DemoCase(7, "E_BIKE", "电动自行车", "Task_AssessRisk", USUAL),
      new DemoCase(6, "WIRE_CABLE", "BV 6mm² 聚氯乙烯绝缘电线", "Task_RespondToResult", USUAL),
      new DemoCase(8, "E_BIKE_CHARGER", "电动自行车充电器", "Task_FillSamplingSlip", USUAL),
      new DemoCase(10, "GAS_STOVE", "家用燃气灶", "Task_ReceiveSample", USUAL),
      new DemoCase(3, "GAS_STOVE", "家用燃气灶", "Task_TestSample", Route.allItemsPass()),
      new DemoCase(4, "CHILDREN_PRODUCT", "儿童滑板车", "Task_CloseCase", Route.allItemsPass()),
      new DemoCase(2, "PORTABLE_LI_BATTERY", "移动电源", "Task_ReviewReport", Route.allItemsPass()),
      new DemoCase(9, "CHILDREN_PRODUCT", "儿童推车", "Task_AssignSampling", Route.allItemsPass()),
      new DemoCase(5, "FOOD_CONTACT_PLASTIC", "一次性塑料餐盒", "Task_ReceiveSample", Route.allItemsPass()));

  /**
   * The closed cases walked through the forms over the history, the rest being copied from them: every
   * product kind, the usual and the rarer paths, some tested by the faster lab.
   */
  private record Template(int enterprise, String productKind, String productName, Route route, boolean fastLab) {
  }

  private static final List<Template> TEMPLATES = List.of(
      new Template(0, "E_BIKE", "电动自行车", USUAL, false),
      new Template(1, "WIRE_CABLE", "BV 2.5mm² 聚氯乙烯绝缘电线", USUAL.with(r -> r.riskLevel = RiskLevel.MEDIUM), true),
      new Template(2, "E_BIKE_LI_BATTERY", "电动自行车用锂离子蓄电池", Route.allItemsPass(), false),
      new Template(3, "GAS_STOVE", "家用燃气灶", Route.allItemsPass(), false),
      new Template(4, "CHILDREN_PRODUCT", "儿童滑板车", Route.allItemsPass(), false),
      new Template(5, "FOOD_CONTACT_PLASTIC", "外卖塑料餐盒", Route.allItemsPass(), false),
      new Template(6, "WIRE_CABLE", "BVR 4mm² 聚氯乙烯绝缘软电线", USUAL.with(r -> r.objection = RETEST_CONFIRMS), false),
      new Template(8, "E_BIKE_CHARGER", "电动自行车充电器", USUAL.with(r -> r.riskLevel = RiskLevel.LOW), true),
      new Template(7, "E_BIKE", "电动自行车", USUAL.with(r -> r.reinspectionPasses = false), false),
      new Template(2, "PORTABLE_LI_BATTERY", "移动电源", Route.allItemsPass(), true),
      new Template(10, "GAS_STOVE", "嵌入式燃气灶", Route.allItemsPass(), false),
      new Template(0, "E_BIKE_CHARGER", "电动自行车充电器", Route.allItemsPass(), true),
      new Template(9, "CHILDREN_PRODUCT", "儿童自行车", Route.allItemsPass(), false),
      new Template(1, "WIRE_CABLE", "BV 4mm² 聚氯乙烯绝缘电线", Route.allItemsPass(), true),
      new Template(7, "E_BIKE", "电动自行车", Route.allItemsPass(), true));

  /** The enterprises making each product kind, by number: the copies of a kind's cases go round them. */
  private static final Map<String, List<Integer>> MAKERS = Map.of(
      "E_BIKE", List.of(0, 7), "E_BIKE_CHARGER", List.of(0, 8, 7), "E_BIKE_LI_BATTERY", List.of(0, 2),
      "WIRE_CABLE", List.of(1, 6), "GAS_STOVE", List.of(3, 10), "CHILDREN_PRODUCT", List.of(4, 9),
      "FOOD_CONTACT_PLASTIC", List.of(5), "PORTABLE_LI_BATTERY", List.of(2));

  /** Closed cases copied from the templates: with those walked, about three hundred over the history. */
  private static final int COPIES = 280;
  /** How far back the history reaches, in months: this year so far and the same months of last year. */
  private static final int HISTORY_MONTHS = 18;

  /** A citizens' topic of the demo round: its product kind, focus group, proposals backing it, the expert's advice. */
  private record DemoTopic(String product, String productKind, String focusGroup, int backing, boolean recommended) {
  }

  private static final List<DemoTopic> TOPICS = List.of(
      new DemoTopic("儿童滑板车", "CHILDREN_PRODUCT", "CHILDREN_STUDENTS", 4, true),
      new DemoTopic("外卖塑料餐盒", "FOOD_CONTACT_PLASTIC", "FOOD_CONTACT", 3, true),
      new DemoTopic("电动自行车锂电池", "E_BIKE_LI_BATTERY", "HIGH_RISK", 3, true),
      new DemoTopic("网红充电宝", "PORTABLE_LI_BATTERY", "TRENDING_ONLINE", 2, true),
      new DemoTopic("老人家用燃气灶", "GAS_STOVE", "ELDERLY", 2, true),
      new DemoTopic("电动自行车充电器", "E_BIKE_CHARGER", "HIGH_RISK", 1, true),
      new DemoTopic("电动自行车车把装饰灯", "E_BIKE", "TRENDING_ONLINE", 1, false));

  /** Components sampled at the e-bike maker's assembly plant (enterprise 0), supplied by the battery maker (2). */
  private record ComponentCase(ComponentType type, String productName, String stopAt, Route route) {
  }

  private static final List<ComponentCase> COMPONENT_CASES = List.of(
      new ComponentCase(ComponentType.LI_ION_BATTERY, "电动自行车用锂离子蓄电池组 48V20Ah", "Task_RespondToResult", USUAL),
      new ComponentCase(ComponentType.CHARGER, "电动自行车充电器 48V3A", "closed",
          USUAL.with(r -> r.reinspectionPasses = false)));

  private final DemoPeople people;
  private final DemoHistory history;
  private final CatalogueRoundWalker rounds;
  private final Notifier notifier;
  private final DashboardFacts dashboard;
  private final RegulatorClock clock;
  private final Seed seed;
  /** At most this many cases of each kind the history makes ({@code riskmonitor.demo.history-limit}). */
  private final int limit;
  private volatile boolean seeded;

  public DemoData(DemoPeople people, DemoHistory history, CatalogueRoundWalker rounds, Notifier notifier,
                  DashboardFacts dashboard, RegulatorClock clock, @Value("${riskmonitor.demo.seed}") Seed seed,
                  @Value("${riskmonitor.demo.history-limit:" + Integer.MAX_VALUE + "}") int limit) {
    this.people = people;
    this.history = history;
    this.rounds = rounds;
    this.notifier = notifier;
    this.dashboard = dashboard;
    this.clock = clock;
    this.seed = seed;
    this.limit = limit;
  }

  @EventListener
  @Order(3)
  public void onDeployed(PostDeployEvent event) {
    if (seed != Seed.NONE && !people.seeded()) {
      seed();
    }
    seeded = true;
  }

  private void seed() {
    people.seed();
    if (seed == Seed.PEOPLE) {
      LOG.info("Demo people created, no demo cases");
      return;
    }
    long began = System.nanoTime();
    people.seedForHistory();
    LocalDateTime now = clock.now();
    LocalDateTime from = now.toLocalDate().minusMonths(HISTORY_MONTHS).withDayOfMonth(1).atTime(9, 0);
    Counts counts;
    try {
      for (int year = from.getYear(); year <= now.getYear(); year++) {
        // each year's plan approved early in its year, the first some days before the history begins
        LocalDateTime approved = from.minusDays(10);
        history.planOfYear(year == from.getYear() && approved.getYear() == year ? approved
            : LocalDateTime.of(year, 1, 5, 10, 0));
      }
      counts = walkHistory(from, now);
      history.catchUp(now);
    } finally {
      ClockUtil.reset();
    }
    seedCatalogueRound();
    int withdrawn = notifier.withdrawUntriedBefore(clock.now().plusSeconds(1));
    // the manager's first look at the dashboard shows every case of the history, not a model refreshed mid-way
    dashboard.refreshNow();
    LOG.info("Demo data created in {} s: the plans of {} to {}, {} closed cases since {} and {} open ones, "
            + "the {} catalogue round; the history's {} messages withdrawn, none sent; log in at /camunda/app/tasklist/ as coordinator/demo",
        (System.nanoTime() - began) / 1_000_000_000, from.getYear(), now.getYear(), counts.closed(), from.toLocalDate(),
        counts.open(), clock.today().getYear(), withdrawn);
  }

  private record Counts(int closed, int open) {
  }

  /**
   * The closed cases of the history walked, then copied, then the open ones walked to stand at their
   * steps now.
   */
  private Counts walkHistory(LocalDateTime from, LocalDateTime now) {
    List<Template> walked = TEMPLATES.subList(0, Math.min(limit, TEMPLATES.size()));
    List<String> templates = new ArrayList<>();
    // spread over the history, each closing weeks before today; most batches conform, so the copies
    // take the conforming cases twice as often
    long spacing = ChronoUnit.HOURS.between(from, now.minusDays(110)) / TEMPLATES.size();
    for (int i = 0; i < walked.size(); i++) {
      Template t = walked.get(i);
      String caseNumber = history.closed(historyCase(t.enterprise(), t.productKind(), t.productName(), t.route()),
          from.plusHours(spacing * i + i * 37L % 90), 1_000 + i, t.fastLab(), now);
      templates.add(caseNumber);
      if (t.route().conforming()) {
        templates.add(caseNumber);
      }
    }
    int closed = walked.size();
    closed += history.copyClosed(templates, Math.min(limit, COPIES), from, now, MAKERS.entrySet().stream().collect(
        Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stream().map(DemoData::uscc).toList())));

    List<DemoCase> standing = new ArrayList<>(CASES);
    standing.addAll(MORE_OPEN);
    int open = 0;
    for (int i = 0; i < Math.min(limit, standing.size()); i++) {
      DemoCase demo = standing.get(i);
      HistoryCase historyCase = historyCase(demo.enterprise(), demo.productKind(), demo.productName(), demo.route());
      if (demo.stopAt().equals("closed")) {
        history.closed(historyCase, now.minusDays(100 + i), 2_000 + i, false, now);
        closed++;
      } else {
        open++;
        // most have stood at their step for hours, the overdue ones for well over a week
        Duration age = OVERDUE.contains(i) ? Duration.ofHours(230 + i * 5L) : Duration.ofMinutes(40 + i * 97L % 1_700);
        history.open(historyCase, demo.stopAt(), age, 2_000 + i, now);
      }
    }
    List<String> plant = DemoPeople.ENTERPRISES.get(0);
    List<String> supplier = DemoPeople.ENTERPRISES.get(2);
    for (int i = 0; i < Math.min(limit, COMPONENT_CASES.size()); i++) {
      ComponentCase demo = COMPONENT_CASES.get(i);
      history.componentCase(plant, supplier, demo.type(), demo.productName(), demo.stopAt(), demo.route(),
          now.minusDays(95), Duration.ofHours(5 + i * 7L), 3_000 + i, now);
      if (demo.stopAt().equals("closed")) {
        closed++;
      } else {
        open++;
      }
    }
    return new Counts(closed, open);
  }

  private static HistoryCase historyCase(int enterprise, String productKind, String productName, Route route) {
    return new HistoryCase(uscc(enterprise), productKind, productName, route);
  }

  /** The USCC of the demo enterprise numbered so: {@link DemoPeople#ENTERPRISES}, then {@link DemoPeople#MORE_ENTERPRISES}. */
  private static String uscc(int enterprise) {
    int known = DemoPeople.ENTERPRISES.size();
    return enterprise < known ? DemoPeople.ENTERPRISES.get(enterprise).get(0)
        : DemoPeople.MORE_ENTERPRISES.get(enterprise - known).get(0);
  }

  /**
   * This year's round, its proposals in (from 1 January to today), closed now rather than at
   * midnight, and its catalogue drafted from the recommended topics, reviewed and approved: version 1.
   */
  private void seedCatalogueRound() {
    for (DemoTopic topic : TOPICS) {
      rounds.topic(topic.product(), topic.productKind(), topic.focusGroup(), topic.backing(), topic.recommended());
    }
    LocalDate today = clock.today();
    ProcessInstance round = rounds.openRound(today.getYear(), today.withDayOfYear(1), today);
    rounds.runTimer(round.getId());
    rounds.approveAsProposed(round);
  }

  @Override
  public String name() {
    return "demoData";
  }

  @Override
  public boolean met() {
    return seeded;
  }
}
