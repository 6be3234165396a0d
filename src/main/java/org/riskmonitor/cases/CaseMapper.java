package org.riskmonitor.cases;

import java.time.LocalDate;
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
      id, case_number, process_instance_id, enterprise_id, product_kind, product_name, venue, plan_line_id,
      sampler_id, lab_id, expert_id, risk_level, opened_by, opened_at""";

  /** The case number derives from the generated id, so it is set in a second statement. */
  @Insert("""
      INSERT INTO rm_monitoring_case (case_number, process_instance_id, enterprise_id, product_kind, product_name,
                                      venue, plan_line_id, opened_by, opened_at)
      VALUES (#{c.caseNumber}, #{c.processInstanceId}, #{c.enterpriseId}, #{c.productKind}, #{c.productName},
              #{c.venue}, #{c.planLineId}, #{c.openedBy}, #{c.openedAt})""")
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

  String LINE_SELECT = """
      SELECT pl.id, p.plan_number, pl.line_no, p.status AS plan_status, pl.product_kind, k.name_zh AS kind_name,
             pl.venue, pl.district_code, d.name AS district_name, pl.lab_id, l.name AS lab_name, pl.batches,
             pl.cases_opened, pl.period_from, pl.period_to
        FROM rm_plan_line pl
        JOIN rm_monitoring_plan p ON p.id = pl.plan_id
        JOIN rm_product_kind k ON k.code = pl.product_kind
        JOIN rm_district d ON d.code = pl.district_code
        JOIN rm_lab l ON l.id = pl.lab_id
      """;

  @Select(LINE_SELECT + " WHERE pl.id = #{id}")
  PlanLineOffer planLine(long id);

  /** Lines a case may be opened from on the day: approved plan, the day in the period, batches left. */
  @Select(LINE_SELECT + """
       WHERE p.status = 'APPROVED' AND pl.period_from <= #{day} AND pl.period_to >= #{day}
         AND pl.cases_opened < pl.batches
       ORDER BY p.plan_year, p.id, pl.line_no""")
  List<PlanLineOffer> openPlanLines(LocalDate day);

  /**
   * Takes one batch of an open line; 0 rows when the line is used up, out of its period or of a plan
   * not approved. The row lock it takes makes a second opener wait and then find the line as left.
   */
  @Update("""
      UPDATE rm_plan_line SET cases_opened = cases_opened + 1
       WHERE id = #{id} AND cases_opened < batches AND period_from <= #{day} AND period_to >= #{day}
         AND plan_id IN (SELECT p.id FROM rm_monitoring_plan p WHERE p.status = 'APPROVED')""")
  int takeBatch(@Param("id") long lineId, @Param("day") LocalDate day);

  @Select("SELECT pl.lab_id FROM rm_monitoring_case c JOIN rm_plan_line pl ON pl.id = c.plan_line_id WHERE c.id = #{caseId}")
  Long plannedLabId(long caseId);

  @Update("UPDATE rm_monitoring_case SET risk_level = #{level} WHERE id = #{id}")
  void setRiskLevel(@Param("id") long caseId, @Param("level") String riskLevel);
}
