package org.riskmonitor.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * Managers' questions about the labs and the experts for a period [from, to) and a case filter:
 * per lab, reports approved, turnaround and share on time; per expert, person-visits,
 * remediation verifications and open work now. Every number lists the cases behind it.
 */
@Service
public class LabsAndExperts {

  /** A number of the page whose cases can be listed; a lab's or an expert's. */
  public enum Figure {
    REPORTS("检验报告 Reports approved", true),
    LATE("未按期 Not on time", true),
    VISITS("帮扶人次 Person-visits", false),
    VERIFICATIONS("整改核查 Verifications", false),
    OPEN_TASKS("在办任务 Open tasks", false);

    private final String label;
    private final boolean ofLab;

    Figure(String label, boolean ofLab) {
      this.label = label;
      this.ofLab = ofLab;
    }

    public String label() {
      return label;
    }

    /** The figure named by a request parameter ({@code reports}, {@code open-tasks}...); null for none. */
    static Figure of(String name) {
      for (Figure figure : values()) {
        if (figure.parameter().equals(name)) {
          return figure;
        }
      }
      return null;
    }

    public String parameter() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public record Page(LocalDate from, LocalDate to, CaseFilter filter, List<LabFigures> labs,
                     List<ExpertFigures> experts) {

    public String query() {
      return Dashboard.query(from, to, filter);
    }
  }

  private final LabAndExpertFiguresMapper mapper;

  public LabsAndExperts(LabAndExpertFiguresMapper mapper) {
    this.mapper = mapper;
  }

  public Page forPeriod(LocalDate from, LocalDate to, CaseFilter filter) {
    return new Page(from, to, filter, mapper.labs(from.atStartOfDay(), to.atStartOfDay(), filter),
        mapper.experts(from.atStartOfDay(), to.atStartOfDay(), filter));
  }

  /**
   * The cases behind a figure of one row ({@code row}: a lab's id or an expert's user id), at most
   * {@link Dashboard#CASE_LIST_LIMIT}; null for a figure or lab the page does not have.
   */
  public List<CaseRow> casesBehind(String figureName, String row, LocalDate from, LocalDate to, CaseFilter filter) {
    Figure figure = Figure.of(figureName);
    if (figure == null) {
      return null;
    }
    Long lab = null;
    if (figure.ofLab) {
      try {
        lab = Long.valueOf(row);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return mapper.casesBehind(figure.name(), lab, figure.ofLab ? null : row, from.atStartOfDay(), to.atStartOfDay(),
        filter, Dashboard.CASE_LIST_LIMIT);
  }
}
