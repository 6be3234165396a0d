package org.riskmonitor.analytics;

import java.time.LocalDate;
import java.util.List;
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

  public View forPeriod(LocalDate from, LocalDate to) {
    return new View(from, to, mapper.figures(from.atStartOfDay(), to.atStartOfDay()),
        mapper.riskLevels(from.atStartOfDay(), to.atStartOfDay()),
        mapper.phaseCycleTimes(from.atStartOfDay(), to.atStartOfDay()),
        mapper.taskCycleTimes(from.atStartOfDay(), to.atStartOfDay()));
  }
}
