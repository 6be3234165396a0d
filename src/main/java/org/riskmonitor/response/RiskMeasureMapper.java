package org.riskmonitor.response;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.riskmonitor.persistence.GeneratedId;

@Mapper
public interface RiskMeasureMapper {

  @Insert("""
      INSERT INTO rm_risk_measure (case_id, kind, status, title, content, reference, recorded_by, recorded_at,
                                   decided_by, decided_at, decision_comment)
      VALUES (#{m.caseId}, #{m.kind}, #{m.status}, #{m.title}, #{m.content}, #{m.reference}, #{m.recordedBy},
              #{m.recordedAt}, #{m.decidedBy}, #{m.decidedAt}, #{m.decisionComment})""")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insert(@Param("m") RiskMeasure measure, @Param("key") GeneratedId key);

  @Update("""
      UPDATE rm_risk_measure SET status = #{status}, decided_by = #{by}, decided_at = #{at}, decision_comment = #{comment}
       WHERE id = #{id} AND status = 'DRAFT'""")
  int decide(@Param("id") long measureId, @Param("status") String status, @Param("by") String decidedBy,
             @Param("at") LocalDateTime at, @Param("comment") String comment);

  @Select("""
      SELECT id, case_id, kind, status, title, content, reference, recorded_by, recorded_at, decided_by, decided_at,
             decision_comment
        FROM rm_risk_measure WHERE case_id = #{caseId} ORDER BY id""")
  List<RiskMeasure> ofCase(long caseId);

  @Select("""
      SELECT id, case_id, kind, status, title, content, reference, recorded_by, recorded_at, decided_by, decided_at,
             decision_comment
        FROM rm_risk_measure WHERE id = #{id}""")
  RiskMeasure find(long id);
}
