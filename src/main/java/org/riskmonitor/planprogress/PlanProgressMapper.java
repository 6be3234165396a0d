package org.riskmonitor.planprogress;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.riskmonitor.analytics.CaseRow;
import org.riskmonitor.analytics.Choice;

/**
 * Plan progress over the plan tables and the cases opened from their lines; the SQL is in
 * PlanProgressMapper.xml beside this interface, where each counted stage is one fragment shared
 * by the line counts and the lists of cases behind them.
 */
@Mapper
public interface PlanProgressMapper {

  /** The lines of approved plans that match the filter (all but {@code behind}, which needs today). */
  List<PlanLineFigures> lines(@Param("f") PlanProgressFilter filter);

  /** The cases of the given lines that reached a stage: opened, sampled, tested, nonconforming or closed. */
  List<CaseRow> cases(@Param("figure") String figure, @Param("lineIds") List<Long> lineIds, @Param("limit") int limit);

  List<Integer> planYears();

  /** A row known by its numeric id: an approved plan or a lab. */
  record Named(long id, String name) {

    Choice choice() {
      return new Choice(Long.toString(id), name);
    }
  }

  List<Named> plans();

  List<Choice> productKinds();

  List<Choice> districts();

  List<Named> labs();
}
