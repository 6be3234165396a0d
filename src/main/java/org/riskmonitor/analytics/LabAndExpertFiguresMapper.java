package org.riskmonitor.analytics;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The figures of the labs-and-experts page and the cases behind them; the SQL is in
 * LabAndExpertFiguresMapper.xml beside this interface. Every period is [from, to).
 */
@Mapper
public interface LabAndExpertFiguresMapper {

  List<LabFigures> labs(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                        @Param("f") CaseFilter filter);

  List<ExpertFigures> experts(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                              @Param("f") CaseFilter filter);

  /**
   * The cases behind one row's figure ({@link LabsAndExperts.Figure}): {@code rowLab} is the lab's
   * id for a lab's figures, {@code rowExpert} the expert's user id for an expert's.
   */
  List<CaseRow> casesBehind(@Param("figure") String figure, @Param("rowLab") Long rowLab,
                            @Param("rowExpert") String rowExpert, @Param("from") LocalDateTime from,
                            @Param("to") LocalDateTime to, @Param("f") CaseFilter filter, @Param("limit") int limit);
}
