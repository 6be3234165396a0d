package org.riskmonitor.cases;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.riskmonitor.persistence.GeneratedId;

@Mapper
public interface CaseMapper {

  String COLUMNS = """
      id, case_number, process_instance_id, enterprise_id, product_kind, product_name, venue, plan_number,
      sampler_id, lab_id, expert_id, risk_level, opened_by, opened_at""";

  /** The case number derives from the generated id, so it is set in a second statement. */
  @Insert("""
      INSERT INTO rm_monitoring_case (case_number, process_instance_id, enterprise_id, product_kind, product_name,
                                      venue, plan_number, opened_by, opened_at)
      VALUES (#{c.caseNumber}, #{c.processInstanceId}, #{c.enterpriseId}, #{c.productKind}, #{c.productName},
              #{c.venue}, #{c.planNumber}, #{c.openedBy}, #{c.openedAt})""")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insert(@Param("c") MonitoringCase monitoringCase, @Param("key") GeneratedId key);

  @Update("UPDATE rm_monitoring_case SET case_number = #{number} WHERE id = #{id}")
  void setCaseNumber(@Param("id") long id, @Param("number") String caseNumber);

  /**
   * The enterprise's group, a sampled component's supplier's, the group of the lab of the first test
   * and re-inspection, and of any re-test's lab.
   */
  @Select("""
      SELECT e.group_id FROM rm_monitoring_case c JOIN rm_enterprise e ON e.id = c.enterprise_id WHERE c.id = #{caseId}
      UNION
      SELECT e.group_id FROM rm_monitoring_case c JOIN rm_enterprise e ON e.id = c.supplier_enterprise_id WHERE c.id = #{caseId}
      UNION
      SELECT l.group_id FROM rm_monitoring_case c JOIN rm_lab l ON l.id = c.lab_id WHERE c.id = #{caseId}
      UNION
      SELECT l.group_id FROM rm_objection o JOIN rm_lab l ON l.id = o.retest_lab_id WHERE o.case_id = #{caseId}""")
  List<String> organisationGroups(long caseId);

  @Select("SELECT " + COLUMNS + " FROM rm_monitoring_case WHERE id = #{id}")
  MonitoringCase findById(long id);

  @Select("SELECT " + COLUMNS + " FROM rm_monitoring_case WHERE case_number = #{caseNumber}")
  MonitoringCase findByNumber(String caseNumber);

  @Select("SELECT " + COLUMNS + " FROM rm_monitoring_case ORDER BY id")
  List<MonitoringCase> findAll();

  @Update("UPDATE rm_monitoring_case SET sampler_id = #{samplerId}, lab_id = #{labId} WHERE id = #{id}")
  void assignSampling(@Param("id") long caseId, @Param("samplerId") String samplerId, @Param("labId") long labId);

  @Update("UPDATE rm_monitoring_case SET expert_id = #{expertId} WHERE id = #{id}")
  void assignExpert(@Param("id") long caseId, @Param("expertId") String expertId);

  @Update("UPDATE rm_monitoring_case SET risk_level = #{level} WHERE id = #{id}")
  void setRiskLevel(@Param("id") long caseId, @Param("level") String riskLevel);
}
