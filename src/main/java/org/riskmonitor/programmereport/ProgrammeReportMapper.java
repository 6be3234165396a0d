package org.riskmonitor.programmereport;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.riskmonitor.analytics.CaseFilter;

/** What the programme report needs beyond the dashboard's figures, for a period [from, to) and a filter. */
@Mapper
public interface ProgrammeReportMapper {

  /** The red or black list entries of the cases closed in the period, at most {@code limit}, oldest first. */
  List<ListedCase> listEntries(@Param("listEntry") String listEntry, @Param("from") LocalDateTime from,
                               @Param("to") LocalDateTime to, @Param("f") CaseFilter filter, @Param("limit") int limit);

  /** Meetings held in the period, by kind (TRAINING, QUALITY_ANALYSIS). */
  List<MeetingCount> meetingsByKind(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                                    @Param("f") CaseFilter filter);
}
