package org.riskmonitor.audit;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface AuditMapper {

  @Insert("INSERT INTO rm_audit_entry (case_id, action, actor, at, detail) VALUES (#{caseId}, #{action}, #{actor}, #{at}, #{detail})")
  void insert(@Param("caseId") Long caseId, @Param("action") String action, @Param("actor") String actor,
              @Param("at") LocalDateTime at, @Param("detail") String detail);

  @Select("SELECT id, case_id, action, actor, at, detail FROM rm_audit_entry WHERE case_id = #{caseId} ORDER BY id")
  List<AuditEntry> ofCase(long caseId);
}
