package org.riskmonitor.analytics;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * Reporting queries over the engine's history and our tables; the SQL is in AnalyticsMapper.xml
 * beside this interface, where the counted things are fragments shared by figures and drill-downs.
 * Every period is [from, to).
 */
@Mapper
public interface AnalyticsMapper {

  ProgrammeFigures figures(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                           @Param("f") CaseFilter filter);

  List<LevelCount> riskLevels(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                              @Param("f") CaseFilter filter);

  /** {@code dimension} and {@code dimensionName} are SQL expressions from {@link Dimension}, never user input. */
  List<Breakdown> breakdown(@Param("dimension") String dimension, @Param("dimensionName") String dimensionName,
                            @Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                            @Param("f") CaseFilter filter);

  /** Cycle times of risk-case's flow nodes of the given activity types ({@code subProcess}: the phases). */
  List<CycleTime> activityCycleTimes(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                                     @Param("f") CaseFilter filter, @Param("types") List<String> activityTypes);

  List<StepTime> stepTimes(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                           @Param("f") CaseFilter filter);

  /** Open work by age: the cut-offs are the moments 7, 30 and 90 days before now. */
  List<OpenWork> openWork(@Param("days7") LocalDateTime days7, @Param("days30") LocalDateTime days30,
                          @Param("days90") LocalDateTime days90, @Param("f") CaseFilter filter,
                          @Param("allNodes") boolean allNodes);

  List<MonthFigure> openedByMonth(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                                  @Param("f") CaseFilter filter);

  List<MonthFigure> closedByMonth(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                                  @Param("f") CaseFilter filter);

  /** By product kind and check, most findings first. */
  List<OnSiteFinding> onSiteFindings(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                                     @Param("f") CaseFilter filter);

  /** The cases with an on-site finding of the period; {@code item} narrows to the checks of that title. */
  List<CaseRow> casesWithOnSiteFindings(@Param("item") String itemTitle, @Param("from") LocalDateTime from,
                                        @Param("to") LocalDateTime to, @Param("f") CaseFilter filter,
                                        @Param("limit") int limit);

  List<CaseRow> casesBehind(@Param("figure") String figure, @Param("from") LocalDateTime from,
                            @Param("to") LocalDateTime to, @Param("f") CaseFilter filter, @Param("limit") int limit);

  List<CaseRow> casesThrough(@Param("activityId") String activityId, @Param("from") LocalDateTime from,
                             @Param("to") LocalDateTime to, @Param("f") CaseFilter filter, @Param("limit") int limit);

  List<CaseRow> casesWaitingAt(@Param("activityId") String activityId, @Param("f") CaseFilter filter,
                               @Param("limit") int limit);

  CaseRow caseByNumber(@Param("caseNumber") String caseNumber);

  List<TimelineEntry> timeline(@Param("caseNumber") String caseNumber);

  List<Choice> productKinds();

  List<Choice> districts();

  List<Choice> clusters();

  List<Choice> labs();

  List<Choice> experts();
}
