package org.riskmonitor.analytics;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The dashboard's figures as SQL over history computed them before the read model, kept as the
 * reference the read model is held to (ReferenceFiguresMapper.xml beside this interface).
 */
@Mapper
public interface ReferenceFiguresMapper {

  ProgrammeFigures figures(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                           @Param("f") CaseFilter filter);

  List<LevelCount> riskLevels(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                              @Param("f") CaseFilter filter);

  /** {@code dimension} and {@code dimensionName} are SQL expressions over case c, enterprise e, kind pk, district d. */
  List<Breakdown> breakdown(@Param("dimension") String dimension, @Param("dimensionName") String dimensionName,
                            @Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                            @Param("f") CaseFilter filter);

  /** Cycle times of risk-case's flow nodes of the given activity types ({@code subProcess}: the phases). */
  List<CycleTime> activityCycleTimes(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                                     @Param("f") CaseFilter filter, @Param("types") List<String> activityTypes);

  List<StepTime> stepTimes(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                           @Param("f") CaseFilter filter);

  List<MonthFigure> openedByMonth(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                                  @Param("f") CaseFilter filter);

  List<MonthFigure> closedByMonth(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                                  @Param("f") CaseFilter filter);
}
