package org.riskmonitor.analytics;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Reporting queries: one SQL statement per figure, over the engine's history and our tables. */
@Mapper
public interface AnalyticsMapper {

  /** Cycle times of the phases (the expanded subprocesses of risk-case) that ended in the period. */
  @Select("""
      SELECT activity_id, MIN(activity_name) AS name, COUNT(*) AS count, AVG(duration) AS mean,
             MIN(CASE WHEN position >= 0.5 * total THEN duration END) AS median,
             MIN(CASE WHEN position >= 0.9 * total THEN duration END) AS p90
        FROM (SELECT a.ACT_ID_ AS activity_id, a.ACT_NAME_ AS activity_name, a.DURATION_ AS duration,
                     ROW_NUMBER() OVER (PARTITION BY a.ACT_ID_ ORDER BY a.DURATION_) AS position,
                     COUNT(*) OVER (PARTITION BY a.ACT_ID_) AS total
                FROM ACT_HI_ACTINST a
               WHERE a.ACT_TYPE_ = 'subProcess' AND a.PROC_DEF_KEY_ = 'risk-case'
                 AND a.END_TIME_ >= #{from} AND a.END_TIME_ < #{to}) timed
       GROUP BY activity_id
       ORDER BY MIN(activity_id)""")
  List<CycleTime> phaseCycleTimes(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

  /** Cycle times of the user tasks of both processes that were completed in the period. */
  @Select("""
      SELECT activity_id, MIN(activity_name) AS name, COUNT(*) AS count, AVG(duration) AS mean,
             MIN(CASE WHEN position >= 0.5 * total THEN duration END) AS median,
             MIN(CASE WHEN position >= 0.9 * total THEN duration END) AS p90
        FROM (SELECT t.TASK_DEF_KEY_ AS activity_id, t.NAME_ AS activity_name, t.DURATION_ AS duration,
                     ROW_NUMBER() OVER (PARTITION BY t.TASK_DEF_KEY_ ORDER BY t.DURATION_) AS position,
                     COUNT(*) OVER (PARTITION BY t.TASK_DEF_KEY_) AS total
                FROM ACT_HI_TASKINST t
               WHERE t.PROC_DEF_KEY_ IN ('risk-case', 'lab-test') AND t.DELETE_REASON_ = 'completed'
                 AND t.END_TIME_ >= #{from} AND t.END_TIME_ < #{to}) timed
       GROUP BY activity_id
       ORDER BY activity_id""")
  List<CycleTime> taskCycleTimes(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

  @Select("""
      SELECT
        (SELECT COUNT(*) FROM rm_sampling_slip s
          WHERE s.purpose = 'INITIAL' AND s.sampled_on >= #{from} AND s.sampled_on < #{to}) AS batches_sampled,
        (SELECT COUNT(DISTINCT c.product_kind) FROM rm_monitoring_case c JOIN rm_sampling_slip s ON s.case_id = c.id
          WHERE s.purpose = 'INITIAL' AND s.sampled_on >= #{from} AND s.sampled_on < #{to}) AS product_kinds,
        (SELECT COUNT(*) FROM rm_test_report r
          WHERE r.purpose = 'INITIAL' AND r.status = 'APPROVED' AND r.tested_on >= #{from} AND r.tested_on < #{to}) AS batches_tested,
        (SELECT COUNT(*) FROM rm_test_report r
          WHERE r.purpose = 'INITIAL' AND r.status = 'APPROVED' AND r.conforming = FALSE
            AND r.tested_on >= #{from} AND r.tested_on < #{to}) AS batches_nonconforming,
        (SELECT COUNT(v.lead_expert_id) + COUNT(v.second_expert_id) FROM rm_assistance_visit v
          WHERE v.visited_on >= #{from} AND v.visited_on < #{to}) AS expert_visits,
        (SELECT COUNT(*) FROM rm_meeting m WHERE m.held_on >= #{from} AND m.held_on < #{to}) AS meetings_held,
        (SELECT COUNT(DISTINCT c.enterprise_id) FROM rm_assistance_visit v JOIN rm_monitoring_case c ON c.id = v.case_id
          WHERE v.visited_on >= #{from} AND v.visited_on < #{to}) AS enterprises_assisted,
        (SELECT COUNT(DISTINCT e.industrial_cluster) FROM rm_assistance_visit v
           JOIN rm_monitoring_case c ON c.id = v.case_id JOIN rm_enterprise e ON e.id = c.enterprise_id
          WHERE v.visited_on >= #{from} AND v.visited_on < #{to}) AS clusters_assisted,
        (SELECT COUNT(*) FROM rm_problem p WHERE p.found_on >= #{from} AND p.found_on < #{to}) AS problems_found,
        (SELECT COUNT(*) FROM rm_problem p WHERE p.solved_on >= #{from} AND p.solved_on < #{to}) AS problems_solved,
        (SELECT COUNT(*) FROM rm_case_closure k WHERE k.closed_at >= #{from} AND k.closed_at < #{to}) AS cases_closed,
        (SELECT COUNT(*) FROM rm_case_closure k
          WHERE k.list_entry = 'RED' AND k.closed_at >= #{from} AND k.closed_at < #{to}) AS red_listed,
        (SELECT COUNT(*) FROM rm_case_closure k
          WHERE k.list_entry = 'BLACK' AND k.closed_at >= #{from} AND k.closed_at < #{to}) AS black_listed""")
  ProgrammeFigures figures(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

  /** Cases by the risk level their assessment reached, for cases opened in the period. */
  @Select("""
      SELECT risk_level, COUNT(*) AS cases FROM rm_monitoring_case
       WHERE risk_level IS NOT NULL AND opened_at >= #{from} AND opened_at < #{to}
       GROUP BY risk_level
       ORDER BY risk_level""")
  List<LevelCount> riskLevels(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to);
}
