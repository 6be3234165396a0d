package org.riskmonitor.publication;

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
public interface PublicationMapper {

  String COLUMNS = """
      p.id, p.public_number, p.item_type, p.case_id, p.source_measure_id, p.title, p.product_kind, p.product_kind_name,
      p.product_name, p.brand, p.model, p.batch_number, p.production_date, p.enterprise_name, p.enterprise_uscc,
      p.component_name, p.district_code, p.district_name, p.failed_items, p.hazard, p.measures, p.measures_by, p.status,
      p.proposed_at, p.enterprise_notified_at, p.approved_by, p.decided_at, p.rejection_reason, p.published_at,
      p.corrected_at, p.withdrawn_at, p.withdrawal_reason, p.change_pending""";

  /**
   * A case still inside its objection window, or with an objection not settled, is never shown:
   * a nonconforming result notice without a recorded outcome holds back every item of its case.
   */
  String OBJECTION_SETTLED = """
      (p.case_id IS NULL OR NOT EXISTS (
        SELECT 1 FROM rm_result_notice n LEFT JOIN rm_objection o ON o.notice_id = n.id
         WHERE n.case_id = p.case_id AND n.conforming = FALSE AND o.outcome IS NULL))""";

  /**
   * What the public may know of a case, as a draft item: the product as sampled (the first slip),
   * the enterprise that answers for it (a component's supplier), its district and the failed items
   * of the latest report. No person and no internal note is read.
   */
  @Select("""
      SELECT c.id AS case_id, c.product_kind, CONCAT(k.name_zh, ' ', k.name_en) AS product_kind_name, c.product_name,
             s.brand, s.model, s.batch_number, s.production_date, e.name AS enterprise_name, e.uscc AS enterprise_uscc,
             CASE WHEN ct.code IS NULL THEN NULL ELSE CONCAT(ct.name_zh, ' ', ct.name_en) END AS component_name,
             d.code AS district_code, d.name AS district_name
        FROM rm_monitoring_case c
        JOIN rm_enterprise e ON e.id = COALESCE(c.supplier_enterprise_id, c.enterprise_id)
        JOIN rm_district d ON d.code = e.district_code
        JOIN rm_product_kind k ON k.code = c.product_kind
        LEFT JOIN rm_component_type ct ON ct.code = c.component_type
        LEFT JOIN rm_sampling_slip s ON s.id = (SELECT MIN(id) FROM rm_sampling_slip
                                                 WHERE case_id = #{caseId} AND purpose = 'INITIAL')
       WHERE c.id = #{caseId}""")
  CaseFacts caseFacts(long caseId);

  /** The failed items of the case's latest report, one line each: clause, requirement, value found. */
  @Select("""
      SELECT CONCAT(i.standard_code, ' ', i.clause, ' ', i.requirement, '：', i.measured_value)
        FROM rm_test_item i
       WHERE i.report_id = (SELECT MAX(id) FROM rm_test_report WHERE case_id = #{caseId}) AND i.passed = FALSE
       ORDER BY i.item_no""")
  List<String> failedItems(long caseId);

  /** The consumer alert's title and text, as the manager approved them. */
  @Select("SELECT title, content FROM rm_risk_measure WHERE id = #{id} AND kind = 'CONSUMER_ALERT'")
  AlertText alert(long measureId);

  record AlertText(String title, String content) {
  }

  @Insert("""
      INSERT INTO rm_publication (item_type, case_id, source_measure_id, title, product_kind, product_kind_name,
                                  product_name, brand, model, batch_number, production_date, enterprise_name,
                                  enterprise_uscc, component_name, district_code, district_name, failed_items, hazard,
                                  measures, measures_by, status, proposed_at)
      VALUES (#{p.itemType}, #{p.caseId}, #{p.sourceMeasureId}, #{p.title}, #{p.productKind}, #{p.productKindName},
              #{p.productName}, #{p.brand}, #{p.model}, #{p.batchNumber}, #{p.productionDate}, #{p.enterpriseName},
              #{p.enterpriseUscc}, #{p.componentName}, #{p.districtCode}, #{p.districtName}, #{p.failedItems},
              #{p.hazard}, #{p.measures}, #{p.measuresBy}, 'PROPOSED', #{p.proposedAt})""")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insert(@Param("p") Publication publication, @Param("key") GeneratedId key);

  @Update("UPDATE rm_publication SET public_number = #{number} WHERE id = #{id}")
  void number(@Param("id") long id, @Param("number") String number);

  @Select("SELECT " + COLUMNS + " FROM rm_publication p WHERE p.public_number = #{number}")
  Publication byNumber(String publicNumber);

  @Select("SELECT COUNT(*) FROM rm_publication WHERE case_id = #{caseId} AND item_type = #{type} AND status <> 'REJECTED'")
  int countOfCase(@Param("caseId") long caseId, @Param("type") String itemType);

  @Update("UPDATE rm_publication SET enterprise_notified_at = #{at} WHERE public_number = #{number}")
  void enterpriseNotified(@Param("number") String publicNumber, @Param("at") LocalDateTime at);

  @Update("""
      UPDATE rm_publication SET status = #{status}, approved_by = #{by}, decided_at = #{at}, rejection_reason = #{reason}
       WHERE public_number = #{number} AND status = 'PROPOSED' AND decided_at IS NULL""")
  int decide(@Param("number") String publicNumber, @Param("status") String status, @Param("by") String by,
             @Param("at") LocalDateTime at, @Param("reason") String reason);

  @Update("""
      UPDATE rm_publication SET status = 'PUBLISHED', published_at = #{at}
       WHERE public_number = #{number} AND status = 'PROPOSED' AND approved_by IS NOT NULL""")
  int publish(@Param("number") String publicNumber, @Param("at") LocalDateTime at);

  /** Claims the item for one correction or withdrawal at a time; 0 if it is not published or a change is open. */
  @Update("""
      UPDATE rm_publication SET change_pending = #{change}
       WHERE public_number = #{number} AND status = 'PUBLISHED' AND change_pending IS NULL""")
  int claimChange(@Param("number") String publicNumber, @Param("change") String change);

  @Update("""
      UPDATE rm_publication SET title = #{p.title}, failed_items = #{p.failedItems}, hazard = #{p.hazard},
             measures = #{p.measures}, corrected_at = #{p.correctedAt}, change_pending = NULL
       WHERE id = #{p.id} AND status = 'PUBLISHED' AND change_pending = 'CORRECTION'""")
  int correct(@Param("p") Publication corrected);

  @Update("""
      UPDATE rm_publication SET status = 'WITHDRAWN', withdrawn_at = #{at}, withdrawal_reason = #{reason},
             change_pending = NULL
       WHERE public_number = #{number} AND status = 'PUBLISHED' AND change_pending = 'WITHDRAWAL'""")
  int withdraw(@Param("number") String publicNumber, @Param("at") LocalDateTime at, @Param("reason") String reason);

  @Insert("""
      INSERT INTO rm_publication_change (publication_id, change_kind, what_changed, reason, changed_by, changed_at)
      VALUES (#{c.publicationId}, #{c.changeKind}, #{c.whatChanged}, #{c.reason}, #{c.changedBy}, #{c.changedAt})""")
  void insertChange(@Param("c") PublicationChange change);

  @Select("""
      SELECT id, publication_id, change_kind, what_changed, reason, changed_by, changed_at
        FROM rm_publication_change WHERE publication_id = #{id} ORDER BY changed_at, id""")
  List<PublicationChange> changes(long publicationId);

  /** The regulator's list: every item, newest first. */
  @Select("SELECT " + COLUMNS + " FROM rm_publication p ORDER BY p.id DESC LIMIT #{limit}")
  List<Publication> all(int limit);

  /**
   * Published items matching the filters, newest first. Only PUBLISHED: a withdrawn item is found by
   * its number alone, so a search by enterprise never ties it to what was withdrawn.
   */
  @Select("<script>SELECT " + COLUMNS + " FROM rm_publication p"
      + " WHERE p.status = 'PUBLISHED' AND p.public_number IS NOT NULL AND " + OBJECTION_SETTLED + """

       <if test="f.type != null">AND p.item_type = #{f.type}</if>
       <if test="f.productKind != null">AND p.product_kind = #{f.productKind}</if>
       <if test="f.uscc != null">AND p.enterprise_uscc = #{f.uscc}</if>
       <if test="f.enterpriseLike != null">AND p.enterprise_name LIKE CONCAT('%', #{f.enterpriseLike}, '%')</if>
       <if test="f.district != null">AND p.district_code = #{f.district}</if>
       <if test="f.from != null">AND p.published_at &gt;= #{f.from}</if>
       <if test="f.until != null">AND p.published_at &lt; #{f.until}</if>
       ORDER BY p.published_at DESC, p.id DESC
       LIMIT #{limit}
      </script>""")
  List<Publication> published(@Param("f") PublicFilter filter, @Param("limit") int limit);

  /** A published or withdrawn item by its number; nothing proposed or rejected, nothing of an unsettled case. */
  @Select("SELECT " + COLUMNS + " FROM rm_publication p WHERE p.public_number = #{number}"
      + " AND p.status IN ('PUBLISHED', 'WITHDRAWN') AND " + OBJECTION_SETTLED)
  Publication publicByNumber(String publicNumber);

  /** Withdrawal notices, newest first: number, when and why, nothing of the content. */
  @Select("SELECT " + COLUMNS + " FROM rm_publication p WHERE p.status = 'WITHDRAWN' ORDER BY p.withdrawn_at DESC LIMIT #{limit}")
  List<Publication> withdrawn(int limit);
}
