package org.riskmonitor.document;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.riskmonitor.persistence.GeneratedId;

@Mapper
public interface DocumentMapper {

  @Insert("""
      INSERT INTO rm_document (case_id, kind, file_name, content_type, size_bytes, sha256, content, created_by, created_at,
                               task_id, step_key, step_name)
      VALUES (#{d.caseId}, #{d.kind}, #{d.fileName}, #{d.contentType}, #{d.sizeBytes}, #{d.sha256}, #{content},
              #{d.createdBy}, #{d.createdAt}, #{d.taskId}, #{d.stepKey}, #{d.stepName})""")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insert(@Param("d") CaseDocument document, @Param("content") byte[] content, @Param("key") GeneratedId key);

  @Select("""
      SELECT id, case_id, kind, file_name, content_type, size_bytes, sha256, created_by, created_at, task_id, step_key,
             step_name
        FROM rm_document WHERE case_id = #{caseId} ORDER BY id""")
  List<CaseDocument> ofCase(long caseId);

  @Select("""
      SELECT id, case_id, kind, file_name, content_type, size_bytes, sha256, created_by, created_at, task_id, step_key,
             step_name
        FROM rm_document WHERE task_id = #{taskId} ORDER BY id""")
  List<CaseDocument> onTask(String taskId);

  @Select("""
      SELECT id, case_id, kind, file_name, content_type, size_bytes, sha256, created_by, created_at, task_id, step_key,
             step_name
        FROM rm_document WHERE id = #{id}""")
  CaseDocument findById(long id);

  /** Access is decided per case, so a download needs the case its document belongs to. */
  @Select("""
      SELECT c.case_number FROM rm_document d JOIN rm_monitoring_case c ON c.id = d.case_id WHERE d.id = #{documentId}""")
  String caseNumberOf(long documentId);

  /** Wrapped, since MyBatis would read a bare byte[] result as a list of rows. */
  record Content(byte[] content) {
  }

  @Select("SELECT content FROM rm_document WHERE id = #{id}")
  Content content(long id);
}
