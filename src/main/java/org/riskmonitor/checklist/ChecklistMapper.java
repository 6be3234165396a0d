package org.riskmonitor.checklist;

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
public interface ChecklistMapper {

  String CHECKLIST = "id, product_kind, version, change_note, created_by, created_at";
  String ITEM = "id, checklist_id, position, area, title, method, finding_criterion";
  String CASE_CHECKLIST = "id, case_id, checklist_id, sampler_id, slip_id, opened_at, submitted_at";
  String ANSWER = """
      id, case_checklist_id, item_id, answer, note, raise_problem, revision, answered_by, answered_at""";

  @Select("SELECT " + CHECKLIST + " FROM rm_checklist WHERE product_kind = #{kind} ORDER BY version DESC LIMIT 1")
  Checklist latest(String kind);

  @Select("SELECT " + CHECKLIST + " FROM rm_checklist WHERE id = #{id}")
  Checklist checklist(long id);

  @Select("SELECT " + CHECKLIST + " FROM rm_checklist WHERE product_kind = #{kind} ORDER BY version DESC")
  List<Checklist> versions(String kind);

  @Select("SELECT " + ITEM + " FROM rm_checklist_item WHERE checklist_id = #{checklistId} ORDER BY position")
  List<ChecklistItem> items(long checklistId);

  String KIND_CHECKLIST = """
      SELECT k.code AS product_kind, k.name_zh, k.name_en, c.version, c.created_at,
             (SELECT COUNT(*) FROM rm_checklist_item i WHERE i.checklist_id = c.id) AS items
        FROM rm_product_kind k
        LEFT JOIN rm_checklist c ON c.product_kind = k.code
         AND c.version = (SELECT MAX(m.version) FROM rm_checklist m WHERE m.product_kind = k.code)""";

  /** Every product kind with its checklist in force, for the editors' list. */
  @Select(KIND_CHECKLIST + " ORDER BY k.code")
  List<KindChecklist> kinds();

  @Select(KIND_CHECKLIST + " WHERE k.code = #{kind}")
  KindChecklist kind(String kind);

  @Insert("""
      INSERT INTO rm_checklist (product_kind, version, change_note, created_by, created_at)
      VALUES (#{kind}, #{version}, #{note}, #{by}, #{at})""")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insertChecklist(@Param("kind") String kind, @Param("version") int version, @Param("note") String note,
                       @Param("by") String by, @Param("at") LocalDateTime at, @Param("key") GeneratedId key);

  @Insert("""
      INSERT INTO rm_checklist_item (checklist_id, position, area, title, method, finding_criterion)
      VALUES (#{i.checklistId}, #{i.position}, #{i.area}, #{i.title}, #{i.method}, #{i.findingCriterion})""")
  void insertItem(@Param("i") ChecklistItem item);

  /** The checklist a case has been answering: the version it was given at its first sampling. */
  @Select("SELECT MIN(checklist_id) FROM rm_case_checklist WHERE case_id = #{caseId}")
  Long checklistOfCase(long caseId);

  @Select("SELECT " + CASE_CHECKLIST + " FROM rm_case_checklist WHERE open_case_id = #{caseId}")
  CaseChecklist openOfCase(long caseId);

  /** The open checklist, else the one submitted last. */
  @Select("SELECT " + CASE_CHECKLIST + " FROM rm_case_checklist WHERE case_id = #{caseId}"
      + " ORDER BY CASE WHEN open_case_id IS NULL THEN 0 ELSE 1 END DESC, id DESC LIMIT 1")
  CaseChecklist currentOfCase(long caseId);

  @Insert("""
      INSERT INTO rm_case_checklist (case_id, open_case_id, checklist_id, sampler_id, opened_at)
      VALUES (#{caseId}, #{caseId}, #{checklistId}, #{samplerId}, #{at})""")
  void open(@Param("caseId") long caseId, @Param("checklistId") long checklistId, @Param("samplerId") String samplerId,
            @Param("at") LocalDateTime at);

  @Update("UPDATE rm_case_checklist SET sampler_id = #{samplerId} WHERE id = #{id}")
  void reassign(@Param("id") long id, @Param("samplerId") String samplerId);

  /** Closes the checklist with the slip; 0 when it was closed already. */
  @Update("""
      UPDATE rm_case_checklist SET open_case_id = NULL, slip_id = #{slipId}, submitted_at = #{at}
       WHERE id = #{id} AND open_case_id IS NOT NULL""")
  int close(@Param("id") long id, @Param("slipId") long slipId, @Param("at") LocalDateTime at);

  @Select("SELECT " + ANSWER + " FROM rm_checklist_answer WHERE case_checklist_id = #{id}")
  List<ItemAnswer> answers(long caseChecklistId);

  @Select("SELECT " + ANSWER + " FROM rm_checklist_answer WHERE case_checklist_id = #{id} AND item_id = #{itemId}")
  ItemAnswer answer(@Param("id") long caseChecklistId, @Param("itemId") long itemId);

  @Insert("""
      INSERT INTO rm_checklist_answer (case_checklist_id, item_id, answer, note, raise_problem, revision,
                                       answered_by, answered_at)
      VALUES (#{id}, #{itemId}, #{answer}, #{note}, #{raiseProblem}, 1, #{by}, #{at})""")
  void insertAnswer(@Param("id") long caseChecklistId, @Param("itemId") long itemId, @Param("answer") Answer answer,
                    @Param("note") String note, @Param("raiseProblem") boolean raiseProblem, @Param("by") String by,
                    @Param("at") LocalDateTime at);

  /** Replaces the answer the device saw; 0 when another device changed it since. */
  @Update("""
      UPDATE rm_checklist_answer SET answer = #{answer}, note = #{note}, raise_problem = #{raiseProblem},
             revision = revision + 1, answered_by = #{by}, answered_at = #{at}
       WHERE case_checklist_id = #{id} AND item_id = #{itemId} AND revision = #{base}""")
  int updateAnswer(@Param("id") long caseChecklistId, @Param("itemId") long itemId, @Param("base") int baseRevision,
                   @Param("answer") Answer answer, @Param("note") String note,
                   @Param("raiseProblem") boolean raiseProblem, @Param("by") String by,
                   @Param("at") LocalDateTime at);

  /** Claims a change id; a second claim of the same id fails on the key. */
  @Insert("""
      INSERT INTO rm_checklist_change (change_id, case_checklist_id, item_id, sent_by, received_at)
      VALUES (#{changeId}, #{id}, #{itemId}, #{by}, #{at})""")
  void claimChange(@Param("changeId") String changeId, @Param("id") long caseChecklistId,
                   @Param("itemId") long itemId, @Param("by") String by, @Param("at") LocalDateTime at);

  @Update("UPDATE rm_checklist_change SET revision = #{revision}, document_id = #{documentId} WHERE change_id = #{changeId}")
  void recordOutcome(@Param("changeId") String changeId, @Param("revision") Integer revision,
                     @Param("documentId") Long documentId);

  /** A change received before: its checklist, item and outcome. */
  @Select("""
      SELECT change_id, case_checklist_id, item_id, revision, document_id FROM rm_checklist_change
       WHERE change_id = #{changeId}""")
  ReceivedChange change(String changeId);

  @Select("""
      SELECT ch.item_id, d.id AS document_id, d.file_name, d.sha256
        FROM rm_checklist_change ch JOIN rm_document d ON d.id = ch.document_id
       WHERE ch.case_checklist_id = #{id}
       ORDER BY d.id""")
  List<ItemPhoto> photos(long caseChecklistId);

  /** Findings the sampler asked to track as problems, from the case's submitted checklists, not yet problems. */
  @Select("""
      SELECT a.id, a.case_checklist_id, a.item_id, a.answer, a.note, a.raise_problem, a.revision, a.answered_by,
             a.answered_at
        FROM rm_checklist_answer a JOIN rm_case_checklist cc ON cc.id = a.case_checklist_id
       WHERE cc.case_id = #{caseId} AND cc.open_case_id IS NULL AND a.answer = 'FINDING' AND a.raise_problem = TRUE
         AND NOT EXISTS (SELECT 1 FROM rm_problem p WHERE p.checklist_answer_id = a.id)
       ORDER BY a.id""")
  List<ItemAnswer> findingsToRaise(long caseId);

  @Select("SELECT " + ITEM + " FROM rm_checklist_item WHERE id = #{id}")
  ChecklistItem item(long id);

  @Select("""
      SELECT c.case_number, c.product_name, k.name_zh AS kind_name_zh, k.name_en AS kind_name_en,
             e.name AS enterprise_name, e.address AS enterprise_address
        FROM rm_monitoring_case c JOIN rm_product_kind k ON k.code = c.product_kind
        JOIN rm_enterprise e ON e.id = c.enterprise_id
       WHERE c.id = #{caseId}""")
  CaseHeading heading(long caseId);
}
