package org.riskmonitor.plan;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.riskmonitor.persistence.GeneratedId;

@Mapper
public interface PlanMapper {

  String PLAN_COLUMNS = """
      id, plan_number, plan_year, title, status, version, process_instance_id, drafted_by, drafted_at,
      reviewed_by, review_opinion, reviewed_at, approved_by, approved_at""";

  String LINE_SELECT = """
      SELECT pl.id, pl.plan_id, pl.line_no, pl.product_kind, pl.venue, pl.district_code, pl.batches, pl.lab_id,
             pl.period_from, pl.period_to, pl.sampling_budget_per_batch, pl.testing_budget_per_batch,
             pl.cases_opened, k.name_zh AS kind_name, d.name AS district_name, l.name AS lab_name
        FROM rm_plan_line pl
        JOIN rm_product_kind k ON k.code = pl.product_kind
        JOIN rm_district d ON d.code = pl.district_code
        JOIN rm_lab l ON l.id = pl.lab_id
      """;

  @Insert("""
      INSERT INTO rm_monitoring_plan (plan_year, title, status, version, process_instance_id, drafted_by, drafted_at)
      VALUES (#{year}, #{title}, 'DRAFT', 1, #{processInstanceId}, #{by}, #{at})""")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insertPlan(@Param("year") int year, @Param("title") String title,
                  @Param("processInstanceId") String processInstanceId, @Param("by") String draftedBy,
                  @Param("at") LocalDateTime draftedAt, @Param("key") GeneratedId key);

  @Update("UPDATE rm_monitoring_plan SET plan_number = #{number} WHERE id = #{id}")
  void setPlanNumber(@Param("id") long planId, @Param("number") String planNumber);

  @Update("""
      UPDATE rm_monitoring_plan SET plan_year = #{year}, title = #{title}, drafted_by = #{by}, drafted_at = #{at}
       WHERE id = #{id} AND status = 'DRAFT'""")
  int redraft(@Param("id") long planId, @Param("year") int year, @Param("title") String title,
              @Param("by") String draftedBy, @Param("at") LocalDateTime draftedAt);

  @Delete("DELETE FROM rm_plan_line WHERE plan_id = #{planId}")
  void deleteLines(long planId);

  @Insert("""
      INSERT INTO rm_plan_line (plan_id, line_no, product_kind, venue, district_code, batches, lab_id, period_from,
                                period_to, sampling_budget_per_batch, testing_budget_per_batch, cases_opened)
      VALUES (#{planId}, #{l.lineNo}, #{l.productKind}, #{l.venue}, #{l.districtCode}, #{l.batches}, #{l.labId},
              #{l.periodFrom}, #{l.periodTo}, #{l.samplingBudgetPerBatch}, #{l.testingBudgetPerBatch}, 0)""")
  void insertLine(@Param("planId") long planId, @Param("l") PlanLine line);

  @Update("""
      UPDATE rm_monitoring_plan SET reviewed_by = #{by}, review_opinion = #{opinion}, reviewed_at = #{at}
       WHERE id = #{id}""")
  void recordReview(@Param("id") long planId, @Param("by") String reviewedBy, @Param("opinion") String opinion,
                    @Param("at") LocalDateTime reviewedAt);

  @Update("""
      UPDATE rm_monitoring_plan SET status = 'APPROVED', approved_by = #{by}, approved_at = #{at}
       WHERE id = #{id} AND status = 'DRAFT'""")
  int approve(@Param("id") long planId, @Param("by") String approvedBy, @Param("at") LocalDateTime approvedAt);

  @Select("SELECT " + PLAN_COLUMNS + " FROM rm_monitoring_plan WHERE id = #{id}")
  MonitoringPlan plan(long id);

  @Select("SELECT " + PLAN_COLUMNS + " FROM rm_monitoring_plan WHERE plan_number = #{planNumber}")
  MonitoringPlan planByNumber(String planNumber);

  @Select("SELECT " + PLAN_COLUMNS + " FROM rm_monitoring_plan ORDER BY plan_year DESC, id DESC")
  List<MonitoringPlan> plans();

  @Select(LINE_SELECT + " WHERE pl.plan_id = #{planId} ORDER BY pl.line_no")
  List<PlanLine> lines(long planId);

  @Select(LINE_SELECT + " WHERE pl.id = #{id}")
  PlanLine line(long id);

  /** A line never falls below the batches already taken. */
  @Update("""
      UPDATE rm_plan_line SET batches = #{batches}, period_to = #{periodTo}
       WHERE id = #{id} AND cases_opened <= #{batches}""")
  int amendLine(@Param("id") long lineId, @Param("batches") int batches, @Param("periodTo") LocalDate periodTo);

  @Update("UPDATE rm_monitoring_plan SET version = version + 1 WHERE id = #{id}")
  void raiseVersion(long planId);

  @Insert("""
      INSERT INTO rm_plan_amendment (plan_id, line_id, plan_version, batches_before, batches_after, period_to_before,
                                     period_to_after, reason, amended_by, amended_at)
      VALUES (#{a.planId}, #{a.lineId}, #{a.planVersion}, #{a.batchesBefore}, #{a.batchesAfter}, #{a.periodToBefore},
              #{a.periodToAfter}, #{a.reason}, #{a.amendedBy}, #{a.amendedAt})""")
  void insertAmendment(@Param("a") PlanAmendment amendment);

  @Select("""
      SELECT a.id, a.plan_id, a.line_id, pl.line_no, a.plan_version, a.batches_before, a.batches_after,
             a.period_to_before, a.period_to_after, a.reason, a.amended_by, a.amended_at
        FROM rm_plan_amendment a JOIN rm_plan_line pl ON pl.id = a.line_id
       WHERE a.plan_id = #{planId} ORDER BY a.id""")
  List<PlanAmendment> amendments(long planId);
}
