package org.riskmonitor.objection;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;
import org.riskmonitor.persistence.GeneratedId;

@Mapper
public interface ObjectionMapper {

  @Insert("""
      INSERT INTO rm_result_notice (case_id, report_id, conforming, issued_at, objection_deadline)
      VALUES (#{caseId}, #{reportId}, #{conforming}, #{issuedAt}, #{deadline})""")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insertNotice(@Param("caseId") long caseId, @Param("reportId") long reportId,
                    @Param("conforming") boolean conforming, @Param("issuedAt") LocalDateTime issuedAt,
                    @Param("deadline") LocalDateTime objectionDeadline, @Param("key") GeneratedId key);

  /** The enterprise's answer to a notice; a window that ended unanswered is recorded as no objection. */
  @Insert("""
      INSERT INTO rm_objection (case_id, notice_id, raised, grounds, responded_by, responded_at)
      VALUES (#{caseId}, #{noticeId}, #{raised}, #{grounds}, #{by}, #{at})""")
  void insertResponse(@Param("caseId") long caseId, @Param("noticeId") long noticeId, @Param("raised") boolean raised,
                      @Param("grounds") String grounds, @Param("by") String respondedBy, @Param("at") LocalDateTime at);

  @Update("""
      UPDATE rm_objection SET decision = #{decision}, decision_reason = #{reason}, decided_by = #{by}, decided_at = #{at},
             retest_lab_id = #{retestLabId}
       WHERE notice_id = #{noticeId} AND raised = TRUE AND decision IS NULL""")
  int decide(@Param("noticeId") long noticeId, @Param("decision") String decision, @Param("reason") String reason,
             @Param("by") String decidedBy, @Param("at") LocalDateTime at, @Param("retestLabId") Long retestLabId);

  @Update("UPDATE rm_objection SET outcome = #{outcome}, retest_report_id = #{retestReportId} WHERE notice_id = #{noticeId}")
  void recordOutcome(@Param("noticeId") long noticeId, @Param("outcome") String outcome,
                     @Param("retestReportId") Long retestReportId);
}
