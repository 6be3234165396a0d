package org.riskmonitor.yearlycatalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.input.TextRules;
import org.riskmonitor.persistence.GeneratedId;
import org.riskmonitor.proposal.YearRounds;
import org.riskmonitor.security.SystemContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly key-product catalogue as other features use it: the kinds in force for a year (the
 * newest approved version), the year's versions, and a revision of an approved catalogue.
 */
@Service
public class YearlyCatalogues implements YearRounds {

  public static final String PROCESS_KEY = "catalogue-round";
  /** The message that sends an approved catalogue back to drafting as its next version. */
  public static final String REVISION_MESSAGE = "catalogue-revision-requested";
  public static final int REVISION_REASON_MAX = 1000;

  private final CatalogueRoundMapper mapper;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final RegulatorClock clock;

  public YearlyCatalogues(CatalogueRoundMapper mapper, RuntimeService runtime, IdentityService identity,
                          RegulatorClock clock) {
    this.mapper = mapper;
    this.runtime = runtime;
    this.identity = identity;
    this.clock = clock;
  }

  /** The business key of a year's round, shown in every task list: {@code ML-2026}. */
  public static String businessKey(int year) {
    return "ML-" + year;
  }

  public Optional<CatalogueRound> round(int year) {
    return Optional.ofNullable(mapper.round(year));
  }

  /** The product kinds in force for the year, in the catalogue's order; none before the first approval. */
  public List<CatalogueEntry> inForce(int year) {
    CatalogueVersion version = mapper.versionInForce(year);
    return version == null ? List.of() : mapper.entries(version.id());
  }

  /** Whether the product kind is in the year's catalogue in force. */
  public boolean isInForce(int year, String productKind) {
    return inForce(year).stream().anyMatch(entry -> entry.productKind().equals(productKind));
  }

  public Optional<CatalogueVersion> versionInForce(int year) {
    return Optional.ofNullable(mapper.versionInForce(year));
  }

  /** The year's versions, newest first. */
  public List<CatalogueVersion> versions(int year) {
    return mapper.versions(year);
  }

  public List<CatalogueEntry> entries(CatalogueVersion version) {
    return mapper.entries(version.id());
  }

  /**
   * A topic joins this year's round while the round takes proposals (or before the coordinator has
   * opened it: it is then among the round's topics when it opens); once this year's round has
   * closed, the topic waits for next year's.
   */
  @Override
  public int roundYearFor(LocalDate recommendedOn) {
    CatalogueRound round = mapper.round(recommendedOn.getYear());
    return round == null || round.takesProposalsOn(recommendedOn) ? recommendedOn.getYear() : recommendedOn.getYear() + 1;
  }

  /**
   * Sends the year's approved catalogue back to the coordinators as its next version, which goes
   * through review and approval again; the approved version stays in force until then. The caller
   * lets only coordinators ask (the catalogue page does).
   */
  @Transactional
  public CatalogueVersion requestRevision(int year, String reason, String by) {
    List<String> problems = new ArrayList<>();
    String text = reason == null ? "" : reason.strip();
    if (text.isEmpty()) {
      problems.add("修订理由 Reason for the revision：必填 required");
    } else if (text.length() > REVISION_REASON_MAX) {
      problems.add("修订理由 Reason for the revision：不得超过" + REVISION_REASON_MAX + "个字符 at most "
          + REVISION_REASON_MAX + " characters");
    } else if (TextRules.problem(text) != null) {
      problems.add("修订理由 Reason for the revision：" + TextRules.problem(text));
    }
    CatalogueRound round = mapper.round(year);
    boolean waiting = round != null && SystemContext.asSystem(identity, () -> runtime.createExecutionQuery()
        .processInstanceBusinessKey(businessKey(year)).messageEventSubscriptionName(REVISION_MESSAGE).count()) > 0;
    if (round == null || mapper.versionInForce(year) == null) {
      problems.add(year + "年度目录尚未批准，无可修订 The " + year + " catalogue is not approved yet: nothing to revise");
    } else if (!waiting) {
      problems.add(year + "年度目录正在起草、评审或批准中，或该年度已结束 The " + year
          + " catalogue is being drafted, reviewed or approved, or its year is over");
    }
    if (!problems.isEmpty()) {
      throw new FormRefusal(problems);
    }
    GeneratedId key = new GeneratedId();
    mapper.insertVersion(round.id(), year, mapper.lastVersionNo(year) + 1, text, by, clock.now(), key);
    // the caller has checked that a coordinator asks; nobody gets a general right to move rounds on
    SystemContext.asSystem(identity, () -> runtime.createMessageCorrelation(REVISION_MESSAGE)
        .processInstanceBusinessKey(businessKey(year)).correlateWithResult());
    return mapper.version(key.getId());
  }
}
