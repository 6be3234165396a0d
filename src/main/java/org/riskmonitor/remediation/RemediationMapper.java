package org.riskmonitor.remediation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.riskmonitor.persistence.GeneratedId;

@Mapper
public interface RemediationMapper {

  @Insert("""
      INSERT INTO rm_remediation (case_id, ordered_at, correction_deadline, reinspection_deadline)
      VALUES (#{o.caseId}, #{o.orderedAt}, #{o.correctionDeadline}, #{o.reinspectionDeadline})""")
  void insertOrder(@Param("o") RemediationOrder order);

  @Select("SELECT case_id, ordered_at, correction_deadline, reinspection_deadline FROM rm_remediation WHERE case_id = #{caseId}")
  RemediationOrder findOrder(long caseId);

  @Update("""
      UPDATE rm_remediation SET stop_sale_confirmed = TRUE, plan = #{plan}, planned_completion_date = #{completion},
             plan_submitted_by = #{by}, plan_submitted_at = #{at}
       WHERE case_id = #{caseId}""")
  int submitPlan(@Param("caseId") long caseId, @Param("plan") String plan, @Param("completion") LocalDate completion,
                 @Param("by") String submittedBy, @Param("at") LocalDateTime at);

  @Insert("""
      INSERT INTO rm_remediation_evidence (case_id, corrective_actions, description, submitted_by, submitted_at)
      VALUES (#{caseId}, #{actions}, #{description}, #{by}, #{at})""")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insertEvidence(@Param("caseId") long caseId, @Param("actions") String correctiveActions,
                      @Param("description") String description, @Param("by") String submittedBy,
                      @Param("at") LocalDateTime at, @Param("key") GeneratedId key);

  @Update("""
      UPDATE rm_remediation_evidence SET verdict = #{verdict}, verification_comment = #{comment}, verified_by = #{by},
             verified_at = #{at}
       WHERE id = #{id} AND verdict IS NULL""")
  int verify(@Param("id") long evidenceId, @Param("verdict") String verdict, @Param("comment") String comment,
             @Param("by") String verifiedBy, @Param("at") LocalDateTime at);
}
