package org.riskmonitor.risk;

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
public interface RiskMapper {

  @Insert("INSERT INTO rm_risk_assessment (case_id, assessed_by, assessed_at) VALUES (#{caseId}, #{by}, #{at})")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insertAssessment(@Param("caseId") long caseId, @Param("by") String assessedBy, @Param("at") LocalDateTime at,
                        @Param("key") GeneratedId key);

  @Insert("""
      INSERT INTO rm_risk_scenario (assessment_id, scenario_no, description, severity, step_probabilities, probability)
      VALUES (#{s.assessmentId}, #{s.scenarioNo}, #{s.description}, #{s.severity}, #{s.stepProbabilities}, #{s.probability})""")
  void insertScenario(@Param("s") RiskScenario scenario);

  @Select("""
      SELECT id, assessment_id, scenario_no, description, severity, step_probabilities, probability, risk_level
        FROM rm_risk_scenario WHERE assessment_id = #{assessmentId} ORDER BY scenario_no""")
  List<RiskScenario> scenarios(long assessmentId);

  @Update("UPDATE rm_risk_scenario SET risk_level = #{level} WHERE id = #{id}")
  void setScenarioLevel(@Param("id") long scenarioId, @Param("level") String level);

  @Update("UPDATE rm_risk_assessment SET risk_level = #{level} WHERE id = #{id}")
  void setAssessmentLevel(@Param("id") long assessmentId, @Param("level") String level);

  @Insert("""
      INSERT INTO rm_cause (case_id, category, description, severity, analysed_by, analysed_at)
      VALUES (#{c.caseId}, #{c.category}, #{c.description}, #{c.severity}, #{c.analysedBy}, #{c.analysedAt})""")
  void insertCause(@Param("c") Cause cause);

  @Insert("""
      INSERT INTO rm_cause_analysis (case_id, spot_check_comparison, analysed_by, analysed_at)
      VALUES (#{caseId}, #{comparison}, #{by}, #{at})""")
  void insertAnalysis(@Param("caseId") long caseId, @Param("comparison") String spotCheckComparison,
                      @Param("by") String analysedBy, @Param("at") LocalDateTime at);
}
