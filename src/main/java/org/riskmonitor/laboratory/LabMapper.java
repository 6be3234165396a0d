package org.riskmonitor.laboratory;

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
public interface LabMapper {

  @Select("SELECT id, code, name, group_id, capacity, lims_connected FROM rm_lab WHERE id = #{id}")
  Lab findById(long id);

  @Select("SELECT id, code, name, group_id, capacity, lims_connected FROM rm_lab ORDER BY code")
  List<Lab> findAll();

  /** Labs accredited for a product kind. */
  @Select("""
      SELECT l.id, l.code, l.name, l.group_id, l.capacity, l.lims_connected FROM rm_lab l
        JOIN rm_lab_scope s ON s.lab_id = l.id AND s.product_kind = #{kind}
       ORDER BY l.code""")
  List<Lab> accreditedFor(String kind);

  @Insert("INSERT INTO rm_lab (code, name, group_id, capacity) VALUES (#{lab.code}, #{lab.name}, #{lab.groupId}, #{lab.capacity})")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insert(@Param("lab") Lab lab, @Param("key") GeneratedId key);

  @Update("UPDATE rm_lab SET capacity = #{capacity} WHERE id = #{id}")
  int updateCapacity(@Param("id") long labId, @Param("capacity") int capacity);

  @Update("UPDATE rm_lab SET lims_connected = #{connected} WHERE id = #{id}")
  int updateLimsConnected(@Param("id") long labId, @Param("connected") boolean connected);

  /** The product kinds the lab is accredited for. */
  @Select("SELECT product_kind FROM rm_lab_scope WHERE lab_id = #{labId} ORDER BY product_kind")
  List<String> scope(long labId);

  @Insert("INSERT INTO rm_lab_scope (lab_id, product_kind) VALUES (#{labId}, #{kind})")
  void insertScope(@Param("labId") long labId, @Param("kind") String productKind);

  @Delete("DELETE FROM rm_lab_scope WHERE lab_id = #{labId}")
  void deleteScope(long labId);

  @Insert("""
      INSERT INTO rm_lab_receipt (case_id, sample_id, lab_id, accepted, sample_condition, received_on,
                                  rejection_reason, received_by, recorded_at)
      VALUES (#{r.caseId}, #{r.sampleId}, #{r.labId}, #{r.accepted}, #{r.sampleCondition}, #{r.receivedOn},
              #{r.rejectionReason}, #{r.receivedBy}, #{r.recordedAt})""")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insertReceipt(@Param("r") LabReceipt receipt, @Param("key") GeneratedId key);

  @Insert("""
      INSERT INTO rm_test_report (case_id, receipt_id, lab_id, purpose, report_number, tested_on, tested_by,
                                  conforming, status, reviewed_by, reviewed_at, created_at)
      VALUES (#{r.caseId}, #{r.receiptId}, #{r.labId}, #{r.purpose}, #{r.reportNumber}, #{r.testedOn},
              #{r.testedBy}, #{r.conforming}, #{r.status}, #{r.reviewedBy}, #{r.reviewedAt}, #{r.createdAt})""")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insertReport(@Param("r") TestReport report, @Param("key") GeneratedId key);

  @Insert("""
      INSERT INTO rm_test_item (report_id, item_no, standard_code, clause, requirement, measured_value, passed)
      VALUES (#{reportId}, #{i.itemNo}, #{i.standardCode}, #{i.clause}, #{i.requirement}, #{i.measuredValue}, #{i.passed})""")
  void insertItem(@Param("reportId") long reportId, @Param("i") TestItemResult item);

  @Select("""
      SELECT id, case_id, receipt_id, lab_id, purpose, report_number, tested_on, tested_by, conforming, status,
             reviewed_by, reviewed_at, review_comment, created_at
        FROM rm_test_report WHERE id = #{id}""")
  TestReport findReport(long id);

  @Update("""
      UPDATE rm_test_report SET status = #{status}, reviewed_by = #{by}, reviewed_at = #{at}, review_comment = #{comment}
       WHERE id = #{id} AND status = 'SUBMITTED'""")
  int review(@Param("id") long reportId, @Param("status") String status, @Param("by") String reviewer,
             @Param("at") LocalDateTime at, @Param("comment") String comment);

  @Select("SELECT COUNT(*) FROM rm_test_report WHERE report_number = #{number}")
  int countReportNumber(String reportNumber);
}
