package org.riskmonitor.plan;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.persistence.GeneratedId;
import org.springframework.stereotype.Service;

/** The yearly monitoring plans, their lines and amendments: the record the plan's process writes. */
@Service
public class MonitoringPlans {

  public static final String PROCESS_KEY = "monitoring-plan";
  /** Process variable holding our plan id. */
  public static final String PLAN_ID = "planId";

  private final PlanMapper mapper;
  private final RegulatorClock clock;

  public MonitoringPlans(PlanMapper mapper, RegulatorClock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  /** A new draft; its number (JH-2026-001) derives from the generated id. */
  public MonitoringPlan draft(int year, String title, List<PlanLine> lines, String processInstanceId, String by) {
    GeneratedId key = new GeneratedId();
    mapper.insertPlan(year, title, processInstanceId, by, clock.now(), key);
    mapper.setPlanNumber(key.getId(), String.format("JH-%d-%03d", year, key.getId()));
    lines.forEach(line -> mapper.insertLine(key.getId(), line));
    return mapper.plan(key.getId());
  }

  /** The coordinator's corrected draft replaces the lines sent back. */
  public MonitoringPlan redraft(long planId, int year, String title, List<PlanLine> lines, String by) {
    if (mapper.redraft(planId, year, title, by, clock.now()) != 1) {
      throw new FormRefusal("计划已批准，不能再改稿 The plan is approved and can no longer be redrafted");
    }
    mapper.deleteLines(planId);
    lines.forEach(line -> mapper.insertLine(planId, line));
    return mapper.plan(planId);
  }

  public void recordReview(long planId, String by, String opinion) {
    mapper.recordReview(planId, by, opinion, clock.now());
  }

  public void approve(long planId, String by) {
    if (mapper.approve(planId, by, clock.now()) != 1) {
      throw new FormRefusal("计划已批准 The plan is approved already");
    }
  }

  /**
   * A manager's amendment of one line of an approved plan: more batches (never fewer than the
   * cases already opened) or a later end within the plan year, kept with its reason; the plan's
   * version goes up by one.
   */
  public PlanAmendment amend(long planId, long lineId, int batches, LocalDate periodTo, String reason, String by) {
    MonitoringPlan plan = mapper.plan(planId);
    PlanLine line = mapper.line(lineId);
    if (plan == null || !plan.approved() || line == null || line.planId() != planId) {
      throw new FormRefusal("只能修订已批准计划的计划行 Only a line of an approved plan can be amended");
    }
    if (mapper.amendLine(lineId, batches, periodTo) != 1) {
      throw new FormRefusal("批次数不得少于已开案数（" + mapper.line(lineId).casesOpened()
          + "） The batches may not be fewer than the cases already opened (" + mapper.line(lineId).casesOpened() + ")");
    }
    mapper.raiseVersion(planId);
    PlanAmendment amendment = new PlanAmendment(null, planId, lineId, line.lineNo(), plan.version() + 1,
        line.batches(), batches, line.periodTo(), periodTo, reason, by, clock.now());
    mapper.insertAmendment(amendment);
    return amendment;
  }

  public MonitoringPlan plan(long planId) {
    return mapper.plan(planId);
  }

  public MonitoringPlan byNumber(String planNumber) {
    return mapper.planByNumber(planNumber);
  }

  public List<MonitoringPlan> all() {
    return mapper.plans();
  }

  public List<PlanLine> lines(long planId) {
    return mapper.lines(planId);
  }

  public PlanLine line(long lineId) {
    return mapper.line(lineId);
  }

  public List<PlanAmendment> amendments(long planId) {
    return mapper.amendments(planId);
  }

  /** The day after the plan year: the plan is in force until then. */
  public LocalDateTime periodEnd(MonitoringPlan plan) {
    return LocalDate.of(plan.planYear() + 1, 1, 1).atStartOfDay();
  }
}
