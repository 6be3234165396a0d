package org.riskmonitor.analytics;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The dashboard's queries that stay in SQL: open work now, the on-site findings, the cases behind
 * a figure, a case's timeline and the filter's choices (the period's figures come from the read
 * model, {@link DashboardFacts}). The SQL is in AnalyticsMapper.xml beside this interface, where the
 * counted things are fragments. Every period is [from, to).
 */
@Mapper
public interface AnalyticsMapper {

  /** Open work by age: the cut-offs are the moments 7, 30 and 90 days before now. */
  List<OpenWork> openWork(@Param("days7") LocalDateTime days7, @Param("days30") LocalDateTime days30,
                          @Param("days90") LocalDateTime days90, @Param("f") CaseFilter filter,
                          @Param("allNodes") boolean allNodes);

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
