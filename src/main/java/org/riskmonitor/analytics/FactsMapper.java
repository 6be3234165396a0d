package org.riskmonitor.analytics;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * Reads what the dashboard's read model holds of a set of cases, row by row: the case itself,
 * its labs, the dated events of our tables, the phases and system steps of its history and its
 * completed user tasks. The SQL is in FactsMapper.xml beside this interface.
 */
@Mapper
public interface FactsMapper {

  /** A case's attributes the filter narrows by, its opening, closure and process end. */
  record CaseRow(long caseId, String processInstanceId, boolean settled, String productKind, String district,
                 String cluster, long enterpriseId, String expertId, String riskLevel,
                 java.time.LocalDateTime openedAt, String outcome, java.time.LocalDateTime closedAt, String listEntry,
                 java.time.LocalDateTime processEnd, Long processDuration) {
  }

  record LabRow(long caseId, long labId) {
  }

  /** A dated event of our tables: {@code kind} is one of {@link CaseFacts.Event}'s codes. */
  record EventRow(long caseId, String kind, java.time.LocalDateTime onDay, int amount) {
  }

  /** A finished phase or system step, or a completed user task with its waiting and due state. */
  record TimedRow(long caseId, String activityId, String activityType, java.time.LocalDateTime endTime,
                  long duration, long waiting, int due) {
  }

  List<CaseRow> cases(@Param("ids") Collection<Long> caseIds);

  List<LabRow> labs(@Param("ids") Collection<Long> caseIds);

  List<EventRow> events(@Param("ids") Collection<Long> caseIds);

  List<TimedRow> activities(@Param("ids") Collection<Long> caseIds);

  List<TimedRow> tasks(@Param("ids") Collection<Long> caseIds);

  /** Cases whose process is still running: their figures can still change. */
  List<Long> openCaseIds();

  /** Every case with an id above {@code after}, and those of {@code ids} that now exist. */
  List<Long> caseIdsAfter(@Param("after") long after, @Param("ids") Collection<Long> caseIds);

  List<Choice> productKindNames();

  List<Choice> districtNames();
}
