package org.riskmonitor.yearlycatalogue;

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

/**
 * The rounds, the catalogue's versions and their kinds. Every change to a version or its kinds is
 * guarded by {@code status <> 'APPROVED'}: an approved version is never changed.
 */
@Mapper
public interface CatalogueRoundMapper {

  String ROUND = "SELECT id, round_year, opens_on, closes_on, status, process_instance_id FROM rm_catalogue_round";
  String VERSION = """
      SELECT id, round_id, round_year, version_no, status, revision_reason, revision_requested_by, drafted_by,
             drafted_at, reviewed_by, reviewed_at, review_opinion, expert_agrees, approved_by, approved_at,
             manager_comment FROM rm_catalogue_version""";

  @Select(ROUND + " WHERE round_year = #{year}")
  CatalogueRound round(int year);

  @Insert("""
      INSERT INTO rm_catalogue_round (round_year, opens_on, closes_on, status, process_instance_id, opened_by, opened_at)
      VALUES (#{year}, #{opensOn}, #{closesOn}, 'OPEN', #{processInstanceId}, #{by}, #{at})""")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insertRound(@Param("year") int year, @Param("opensOn") LocalDate opensOn, @Param("closesOn") LocalDate closesOn,
                   @Param("processInstanceId") String processInstanceId, @Param("by") String by,
                   @Param("at") LocalDateTime at, @Param("key") GeneratedId key);

  @Update("UPDATE rm_catalogue_round SET status = #{status}, closed_at = COALESCE(closed_at, #{at}) WHERE id = #{roundId}")
  void setRoundStatus(@Param("roundId") long roundId, @Param("status") RoundStatus status,
                      @Param("at") LocalDateTime at);

  @Select(VERSION + " WHERE id = #{id}")
  CatalogueVersion version(long id);

  /** The year's versions, newest first. */
  @Select(VERSION + " WHERE round_year = #{year} ORDER BY version_no DESC")
  List<CatalogueVersion> versions(int year);

  /** The version not yet approved, if any: at most one is in work at a time. */
  @Select(VERSION + " WHERE round_year = #{year} AND status <> 'APPROVED'")
  CatalogueVersion versionInWork(int year);

  @Select(VERSION + " WHERE round_year = #{year} AND status = 'APPROVED' ORDER BY version_no DESC LIMIT 1")
  CatalogueVersion versionInForce(int year);

  @Select("SELECT COALESCE(MAX(version_no), 0) FROM rm_catalogue_version WHERE round_year = #{year}")
  int lastVersionNo(int year);

  @Insert("""
      INSERT INTO rm_catalogue_version (round_id, round_year, version_no, status, revision_reason,
                                        revision_requested_by, created_at)
      VALUES (#{roundId}, #{year}, #{versionNo}, 'DRAFT', #{reason}, #{by}, #{at})""")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insertVersion(@Param("roundId") long roundId, @Param("year") int year, @Param("versionNo") int versionNo,
                     @Param("reason") String reason, @Param("by") String by, @Param("at") LocalDateTime at,
                     @Param("key") GeneratedId key);

  @Update("""
      UPDATE rm_catalogue_version SET status = 'IN_REVIEW', drafted_by = #{by}, drafted_at = #{at}
       WHERE id = #{versionId} AND status = 'DRAFT'""")
  int drafted(@Param("versionId") long versionId, @Param("by") String by, @Param("at") LocalDateTime at);

  @Update("""
      UPDATE rm_catalogue_version SET status = #{status}, reviewed_by = #{by}, reviewed_at = #{at},
             review_opinion = #{opinion}, expert_agrees = #{agrees}
       WHERE id = #{versionId} AND status = 'IN_REVIEW'""")
  int reviewed(@Param("versionId") long versionId, @Param("status") VersionStatus status, @Param("by") String by,
               @Param("at") LocalDateTime at, @Param("opinion") String opinion, @Param("agrees") boolean agrees);

  @Update("""
      UPDATE rm_catalogue_version SET status = 'APPROVED', approved_by = #{by}, approved_at = #{at},
             manager_comment = #{comment}
       WHERE id = #{versionId} AND status = 'AWAITING_APPROVAL'""")
  int approved(@Param("versionId") long versionId, @Param("by") String by, @Param("at") LocalDateTime at,
               @Param("comment") String comment);

  @Update("""
      UPDATE rm_catalogue_version SET status = 'DRAFT', manager_comment = #{comment}
       WHERE id = #{versionId} AND status = 'AWAITING_APPROVAL'""")
  int returned(@Param("versionId") long versionId, @Param("comment") String comment);

  @Select("""
      SELECT product_kind, focus_group, risk_reasons, inclusion_reason, backing_proposals
        FROM rm_catalogue_kind WHERE version_id = #{versionId} ORDER BY line_no""")
  List<CatalogueEntry> entries(long versionId);

  @Delete("""
      DELETE FROM rm_catalogue_kind WHERE version_id = #{versionId}
         AND version_id IN (SELECT id FROM rm_catalogue_version WHERE status <> 'APPROVED')""")
  void clearEntries(long versionId);

  @Insert("""
      INSERT INTO rm_catalogue_kind (version_id, line_no, product_kind, focus_group, risk_reasons, inclusion_reason,
                                     backing_proposals)
      VALUES (#{versionId}, #{lineNo}, #{e.productKind}, #{e.focusGroup}, #{e.riskReasons}, #{e.inclusionReason},
              #{e.backingProposals})""")
  void insertEntry(@Param("versionId") long versionId, @Param("lineNo") int lineNo, @Param("e") CatalogueEntry entry);
}
