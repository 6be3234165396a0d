package org.riskmonitor.summary;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * What the forms show of a case, read in two statements: one row of single values, and the
 * case's lists. The latest slip, report, notice, objection and visit are the current ones (a
 * rejected sample, a returned report or a re-test adds a newer row).
 */
@Mapper
public interface CaseSummaryMapper {

  @Select("""
      SELECT c.case_number, c.product_name,
             CONCAT(p.plan_number, ' 第', pl.line_no, '行 line ', pl.line_no) AS plan_line, c.venue, c.sampler_id, c.risk_level,
             e.uscc AS enterprise_uscc, e.name AS enterprise_name, e.address AS enterprise_address,
             d.name AS district_name, k.name_zh AS kind_name_zh, k.name_en AS kind_name_en,
             l.name AS case_lab_name, tl.name AS test_lab_name, x.name AS expert_name,
             s.second_sampler, s.labelled_manufacturer, s.brand, s.model, s.batch_number, s.production_date,
             s.ccc_certificate, s.stock_quantity, s.sampled_on,
             ts.seal_number AS test_seal_number, ts.quantity AS test_sample_quantity,
             bs.seal_number AS backup_seal_number, bs.quantity AS backup_sample_quantity,
             r.report_number, r.conforming, n.objection_deadline, rl.name AS retest_lab_name,
             m.correction_deadline, m.reinspection_deadline, vx.name AS visit_lead_expert_name,
             ct.name_zh AS component_name_zh, ct.name_en AS component_name_en,
             se.uscc AS supplier_uscc, se.name AS supplier_name
        FROM rm_monitoring_case c
        JOIN rm_enterprise e ON e.id = c.enterprise_id
        LEFT JOIN rm_component_type ct ON ct.code = c.component_type
        LEFT JOIN rm_enterprise se ON se.id = c.supplier_enterprise_id
        JOIN rm_district d ON d.code = e.district_code
        JOIN rm_product_kind k ON k.code = c.product_kind
        LEFT JOIN rm_plan_line pl ON pl.id = c.plan_line_id
        LEFT JOIN rm_monitoring_plan p ON p.id = pl.plan_id
        LEFT JOIN rm_lab l ON l.id = c.lab_id
        LEFT JOIN rm_lab tl ON tl.id = #{testLabId}
        LEFT JOIN rm_expert x ON x.user_id = c.expert_id
        LEFT JOIN rm_sampling_slip s ON s.id = (SELECT MAX(id) FROM rm_sampling_slip
                                                 WHERE case_id = #{caseId} AND purpose = 'INITIAL')
        LEFT JOIN rm_sample ts ON ts.slip_id = s.id AND ts.role = 'TEST'
        LEFT JOIN rm_sample bs ON bs.slip_id = s.id AND bs.role = 'BACKUP'
        LEFT JOIN rm_test_report r ON r.id = (SELECT MAX(id) FROM rm_test_report WHERE case_id = #{caseId})
        LEFT JOIN rm_result_notice n ON n.id = (SELECT MAX(id) FROM rm_result_notice
                                                 WHERE case_id = #{caseId} AND objection_deadline IS NOT NULL)
        LEFT JOIN rm_objection o ON o.id = (SELECT MAX(id) FROM rm_objection WHERE case_id = #{caseId})
        LEFT JOIN rm_lab rl ON rl.id = o.retest_lab_id
        LEFT JOIN rm_remediation m ON m.case_id = c.id
        LEFT JOIN rm_assistance_visit v ON v.id = (SELECT MAX(id) FROM rm_assistance_visit WHERE case_id = #{caseId})
        LEFT JOIN rm_expert vx ON vx.user_id = v.lead_expert_id
       WHERE c.id = #{caseId}""")
  SummaryRow row(@Param("caseId") long caseId, @Param("testLabId") Long testLabId);

  /** The failed items of the latest report, the causes, the problems found, the documents; oldest first. */
  @Select("""
      SELECT 'ITEM' AS kind, i.item_no AS seq, i.standard_code AS title, i.clause AS detail,
             i.requirement, i.measured_value AS measured
        FROM rm_test_item i
       WHERE i.report_id = (SELECT MAX(id) FROM rm_test_report WHERE case_id = #{caseId}) AND i.passed = FALSE
      UNION ALL
      SELECT 'CAUSE', id, category, description, '', '' FROM rm_cause WHERE case_id = #{caseId}
      UNION ALL
      SELECT 'PROBLEM', id, description, '', '', '' FROM rm_problem WHERE case_id = #{caseId}
      UNION ALL
      SELECT 'DOCUMENT', id, file_name, sha256, '', '' FROM rm_document WHERE case_id = #{caseId}
      ORDER BY kind, seq""")
  List<SummaryLine> lines(long caseId);
}
