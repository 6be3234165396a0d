package org.riskmonitor.document;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** The organisations, by Camunda group, that take part in a case. */
@Mapper
public interface CaseAccessMapper {

  @Select("SELECT group_id FROM rm_enterprise WHERE id = #{enterpriseId}")
  String enterpriseGroup(long enterpriseId);

  /** The lab of the first test (and re-inspection) and the lab of any accepted objection's re-test. */
  @Select("""
      SELECT l.group_id FROM rm_monitoring_case c JOIN rm_lab l ON l.id = c.lab_id WHERE c.id = #{caseId}
      UNION
      SELECT l.group_id FROM rm_objection o JOIN rm_lab l ON l.id = o.retest_lab_id WHERE o.case_id = #{caseId}""")
  List<String> labGroups(long caseId);

  /** The sampler, the assessing expert and the experts of the assistance visits of a case. */
  @Select("""
      SELECT sampler_id FROM rm_monitoring_case WHERE id = #{caseId} AND sampler_id IS NOT NULL
      UNION
      SELECT expert_id FROM rm_monitoring_case WHERE id = #{caseId} AND expert_id IS NOT NULL
      UNION
      SELECT lead_expert_id FROM rm_assistance_visit WHERE case_id = #{caseId}
      UNION
      SELECT second_expert_id FROM rm_assistance_visit WHERE case_id = #{caseId} AND second_expert_id IS NOT NULL""")
  List<String> assignedPeople(long caseId);
}
