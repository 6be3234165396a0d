package org.riskmonitor.closure;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface ClosureMapper {

  @Insert("""
      INSERT INTO rm_case_closure (case_id, outcome, list_entry, summary, closed_by, closed_at)
      VALUES (#{caseId}, #{outcome}, #{listEntry}, #{summary}, #{by}, #{at})""")
  void insert(@Param("caseId") long caseId, @Param("outcome") String outcome, @Param("listEntry") String listEntry,
              @Param("summary") String summary, @Param("by") String closedBy, @Param("at") LocalDateTime at);
}
