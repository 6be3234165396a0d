package org.riskmonitor.officialdocument;

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
public interface OfficialDocumentMapper {

  /** Takes the next number of the kind and year; 0 rows when the year has no counter yet. */
  @Update("""
      UPDATE rm_official_document_counter SET next_seq = next_seq + 1 WHERE kind = #{kind} AND doc_year = #{year}""")
  int increment(@Param("kind") String kind, @Param("year") int year);

  /** The number just taken by {@link #increment} (the row stays locked by this transaction). */
  @Select("SELECT next_seq - 1 FROM rm_official_document_counter WHERE kind = #{kind} AND doc_year = #{year}")
  int taken(@Param("kind") String kind, @Param("year") int year);

  /** The year's counter, before its first number is taken; a second node creating it at the same time fails on the key. */
  @Insert("INSERT INTO rm_official_document_counter (kind, doc_year, next_seq) VALUES (#{kind}, #{year}, 1)")
  void startYear(@Param("kind") String kind, @Param("year") int year);

  @Insert("""
      INSERT INTO rm_official_document (case_id, kind, doc_year, doc_seq, doc_number, document_id, legal_basis, issued_at)
      VALUES (#{d.caseId}, #{d.kind}, #{d.docYear}, #{d.docSeq}, #{d.docNumber}, #{d.documentId}, #{d.legalBasis},
              #{d.issuedAt})""")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insert(@Param("d") OfficialDocument document, @Param("key") GeneratedId key);

  /** Records the receipt once: false when it was already confirmed. */
  @Update("""
      UPDATE rm_official_document SET received_by = #{by}, received_at = #{at}
       WHERE id = #{id} AND received_at IS NULL""")
  int receive(@Param("id") long id, @Param("by") String receivedBy, @Param("at") LocalDateTime receivedAt);

  @Select("""
      SELECT id, case_id, kind, doc_year, doc_seq, doc_number, document_id, legal_basis, issued_at, received_by,
             received_at
        FROM rm_official_document WHERE case_id = #{caseId} ORDER BY id""")
  List<OfficialDocument> ofCase(long caseId);

  @Select("""
      SELECT id, case_id, kind, doc_year, doc_seq, doc_number, document_id, legal_basis, issued_at, received_by,
             received_at
        FROM rm_official_document WHERE id = #{id}""")
  OfficialDocument find(long id);
}
