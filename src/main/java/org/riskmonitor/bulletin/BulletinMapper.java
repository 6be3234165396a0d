package org.riskmonitor.bulletin;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.riskmonitor.persistence.GeneratedId;

/**
 * Bulletins and the figures they are drafted from. The counts follow analytics/AnalyticsMapper.xml:
 * a batch is sampled by its initial slip's date, tested by its approved initial report's date, an
 * enterprise is assisted by a visit made, problems by the day found or solved. Periods are [from, to).
 */
@Mapper
public interface BulletinMapper {

  String COLUMNS = """
      id, product_kind, product_kind_name, period_from, period_to, batches_sampled, batches_tested, nonconforming,
      previous_tested, previous_nonconforming, failed_clauses, causes, enterprises_assisted, problems_found,
      problems_solved, analysis, countermeasures, status, drafted_by, drafted_at, written_by, return_reason,
      approved_by, approved_at, doc_number, pdf_sha256, publication_id""";

  record Counts(int batchesSampled, int batchesTested, int nonconforming, int enterprisesAssisted, int problemsFound,
                int problemsSolved) {
  }

  record Line(String label, int count) {
  }

  /** Wrapped, since MyBatis would read a bare byte[] result as a list of rows. */
  record Pdf(byte[] pdf) {
  }

  @Select("""
      SELECT
        (SELECT COUNT(*) FROM rm_sampling_slip s JOIN rm_monitoring_case c ON c.id = s.case_id
          WHERE c.product_kind = #{kind} AND s.purpose = 'INITIAL' AND s.sampled_on >= #{from} AND s.sampled_on < #{to})
          AS batches_sampled,
        (SELECT COUNT(*) FROM rm_test_report r JOIN rm_monitoring_case c ON c.id = r.case_id
          WHERE c.product_kind = #{kind} AND r.purpose = 'INITIAL' AND r.status = 'APPROVED'
            AND r.tested_on >= #{from} AND r.tested_on < #{to}) AS batches_tested,
        (SELECT COUNT(*) FROM rm_test_report r JOIN rm_monitoring_case c ON c.id = r.case_id
          WHERE c.product_kind = #{kind} AND r.purpose = 'INITIAL' AND r.status = 'APPROVED' AND r.conforming = FALSE
            AND r.tested_on >= #{from} AND r.tested_on < #{to}) AS nonconforming,
        (SELECT COUNT(DISTINCT COALESCE(c.supplier_enterprise_id, c.enterprise_id))
           FROM rm_assistance_visit v JOIN rm_monitoring_case c ON c.id = v.case_id
          WHERE c.product_kind = #{kind} AND v.visited_on >= #{from} AND v.visited_on < #{to}) AS enterprises_assisted,
        (SELECT COUNT(*) FROM rm_problem p JOIN rm_monitoring_case c ON c.id = p.case_id
          WHERE c.product_kind = #{kind} AND p.found_on >= #{from} AND p.found_on < #{to}) AS problems_found,
        (SELECT COUNT(*) FROM rm_problem p JOIN rm_monitoring_case c ON c.id = p.case_id
          WHERE c.product_kind = #{kind} AND p.solved_on >= #{from} AND p.solved_on < #{to}) AS problems_solved
      FROM rm_product_kind WHERE code = #{kind}""")
  Counts counts(@Param("kind") String productKind, @Param("from") LocalDate from, @Param("to") LocalDate to);

  /** Failed test items of the period's initial reports, by standard and clause, most first. */
  @Select("""
      SELECT CONCAT(i.standard_code, ' ', i.clause) AS label, COUNT(*) AS count
        FROM rm_test_item i JOIN rm_test_report r ON r.id = i.report_id JOIN rm_monitoring_case c ON c.id = r.case_id
       WHERE c.product_kind = #{kind} AND r.purpose = 'INITIAL' AND r.status = 'APPROVED' AND i.passed = FALSE
         AND r.tested_on >= #{from} AND r.tested_on < #{to}
       GROUP BY i.standard_code, i.clause
       ORDER BY COUNT(*) DESC, i.standard_code, i.clause
       LIMIT 10""")
  List<Line> failedClauses(@Param("kind") String productKind, @Param("from") LocalDate from, @Param("to") LocalDate to);

  /** Causes the experts found in the period's cases of the kind, by category, most first. */
  @Select("""
      SELECT k.category AS label, COUNT(*) AS count
        FROM rm_cause k JOIN rm_monitoring_case c ON c.id = k.case_id
       WHERE c.product_kind = #{kind} AND k.analysed_at >= #{from} AND k.analysed_at < #{to}
       GROUP BY k.category
       ORDER BY COUNT(*) DESC, k.category""")
  List<Line> causes(@Param("kind") String productKind, @Param("from") LocalDate from, @Param("to") LocalDate to);

  @Select("SELECT CONCAT(name_zh, ' ', name_en) FROM rm_product_kind WHERE code = #{kind}")
  String kindName(String productKind);

  @Insert("""
      INSERT INTO rm_bulletin (product_kind, product_kind_name, period_from, period_to, batches_sampled, batches_tested,
        nonconforming, previous_tested, previous_nonconforming, failed_clauses, causes, enterprises_assisted,
        problems_found, problems_solved, status, drafted_by, drafted_at)
      VALUES (#{b.productKind}, #{b.productKindName}, #{b.periodFrom}, #{b.periodTo}, #{b.batchesSampled},
        #{b.batchesTested}, #{b.nonconforming}, #{b.previousTested}, #{b.previousNonconforming}, #{b.failedClauses},
        #{b.causes}, #{b.enterprisesAssisted}, #{b.problemsFound}, #{b.problemsSolved}, 'DRAFTED', #{b.draftedBy},
        #{b.draftedAt})""")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insert(@Param("b") Bulletin bulletin, @Param("key") GeneratedId key);

  @Select("SELECT " + COLUMNS + " FROM rm_bulletin WHERE id = #{id}")
  Bulletin find(long id);

  @Update("""
      UPDATE rm_bulletin SET analysis = #{analysis}, countermeasures = #{countermeasures}, written_by = #{by},
             status = 'WRITTEN'
       WHERE id = #{id} AND status = 'DRAFTED'""")
  int write(@Param("id") long id, @Param("analysis") String analysis, @Param("countermeasures") String countermeasures,
            @Param("by") String by);

  @Update("UPDATE rm_bulletin SET status = 'DRAFTED', return_reason = #{reason} WHERE id = #{id} AND status = 'WRITTEN'")
  int sendBack(@Param("id") long id, @Param("reason") String reason);

  @Update("""
      UPDATE rm_bulletin SET status = 'APPROVED', approved_by = #{by}, approved_at = #{at}
       WHERE id = #{id} AND status = 'WRITTEN'""")
  int approve(@Param("id") long id, @Param("by") String by, @Param("at") LocalDateTime at);

  @Update("""
      UPDATE rm_bulletin SET doc_number = #{number}, pdf = #{pdf}, pdf_sha256 = #{sha256}, publication_id = #{publicationId}
       WHERE id = #{id} AND status = 'APPROVED' AND pdf IS NULL""")
  int issued(@Param("id") long id, @Param("number") String number, @Param("pdf") byte[] pdf,
             @Param("sha256") String sha256, @Param("publicationId") long publicationId);

  /** The PDF of the bulletin behind a published item, or null: unpublished, withdrawn or unknown numbers have none. */
  @Select("""
      SELECT b.pdf FROM rm_bulletin b JOIN rm_publication p ON p.id = b.publication_id
       WHERE p.public_number = #{number} AND p.item_type = 'BULLETIN' AND p.status = 'PUBLISHED'""")
  Pdf publishedPdf(String publicNumber);
}
