package org.riskmonitor.document;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** The people assigned to a case by name (its organisations come from the case file). */
@Mapper
public interface CaseAccessMapper {

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
