package org.riskmonitor.notification;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface NotificationMapper {

  @Select("SELECT COUNT(*) FROM rm_notification WHERE task_id = #{taskId} AND kind = #{kind} AND recipient = #{recipient}")
  int count(@Param("taskId") String taskId, @Param("kind") String kind, @Param("recipient") String recipient);

  @Select("SELECT COUNT(DISTINCT kind) FROM rm_notification WHERE task_id = #{taskId} AND kind LIKE 'ESCALATION%'")
  int escalations(String taskId);

  @Insert("""
      INSERT INTO rm_notification (task_id, kind, recipient, address, subject, status, created_at)
      VALUES (#{taskId}, #{kind}, #{recipient}, #{address}, #{subject}, #{status}, #{at})""")
  void insert(@Param("taskId") String taskId, @Param("kind") String kind, @Param("recipient") String recipient,
              @Param("address") String address, @Param("subject") String subject, @Param("status") String status,
              @Param("at") LocalDateTime at);

  @Update("UPDATE rm_notification SET status = #{status} WHERE task_id = #{taskId} AND kind = #{kind} AND recipient = #{recipient}")
  void setStatus(@Param("taskId") String taskId, @Param("kind") String kind, @Param("recipient") String recipient,
                 @Param("status") String status);
}
