package org.riskmonitor.analytics;

import java.time.LocalDateTime;
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

  /** A case's attributes the filter narrows by, its opening and closure. */
  record CaseRow(long caseId, String processInstanceId, String productKind, String district, String cluster,
                 long enterpriseId, String expertId, String riskLevel, LocalDateTime openedAt, String outcome,
                 LocalDateTime closedAt, String listEntry) {
  }

  /** A case's process: whether it has ended, and if it completed, when and after how long (ms). */
  record ProcessRow(String processInstanceId, boolean ended, LocalDateTime completedAt, Long duration) {
  }

  record LabRow(long caseId, long labId) {
  }

  /** A dated event of our tables: {@code kind} is one of {@link CaseFacts.Event}'s codes. */
  record EventRow(long caseId, String kind, LocalDateTime onDay, int amount) {
  }

  /** A finished phase or system step, or a completed user task with its waiting and due state. */
  record TimedRow(String processInstanceId, String activityId, String activityType, LocalDateTime endTime,
                  long duration, long waiting, int due) {
  }

  List<CaseRow> cases(@Param("ids") Collection<Long> caseIds);

  /** The processes of the cases that have one. */
  List<String> processIdsOfCases(@Param("ids") Collection<Long> caseIds);

  List<LabRow> labs(@Param("ids") Collection<Long> caseIds);

  List<EventRow> events(@Param("ids") Collection<Long> caseIds);

  List<ProcessRow> processes(@Param("processes") Collection<String> processInstanceIds);

  /** Phases and system steps of the cases' processes. */
  List<TimedRow> activities(@Param("processes") Collection<String> processInstanceIds);

  /** User tasks of the cases' processes and of the lab tests they called, by their root process. */
  List<TimedRow> tasks(@Param("processes") Collection<String> processInstanceIds);

  /** Case processes still running: their figures can still change. */
  List<String> openProcessIds();

  List<Long> caseIdsOfProcesses(@Param("processes") Collection<String> processInstanceIds);

  /** Every case with an id above {@code after}, and those of {@code ids} that now exist. */
  List<Long> caseIdsAfter(@Param("after") long after, @Param("ids") Collection<Long> caseIds);

  List<Choice> productKindNames();

  List<Choice> districtNames();
}
