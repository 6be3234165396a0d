package org.riskmonitor.notification;

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
 * rm_notification, the mail outbox. The retry bookkeeping (next attempt, claim) is compared with
 * the database's LOCALTIMESTAMP only, so every node measures it by the same clock.
 */
@Mapper
public interface NotificationMapper {

  @Select("SELECT COUNT(*) FROM rm_notification WHERE task_id = #{taskId} AND kind = #{kind} AND recipient = #{recipient}")
  int count(@Param("taskId") String taskId, @Param("kind") String kind, @Param("recipient") String recipient);

  @Select("SELECT COUNT(DISTINCT kind) FROM rm_notification WHERE task_id = #{taskId} AND kind LIKE 'ESCALATION%'")
  int escalations(String taskId);

  @Insert("""
      INSERT INTO rm_notification (task_id, kind, recipient, address, subject, body, status, created_at, next_attempt_at)
      VALUES (#{taskId}, #{kind}, #{recipient}, #{address}, #{subject}, #{body}, #{status}, #{at}, LOCALTIMESTAMP)""")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insert(@Param("taskId") String taskId, @Param("kind") String kind, @Param("recipient") String recipient,
              @Param("address") String address, @Param("subject") String subject, @Param("body") String body,
              @Param("status") String status, @Param("at") LocalDateTime at, @Param("key") GeneratedId key);

  /** Pending messages that are due and that no node holds, oldest first. */
  @Select("""
      SELECT id FROM rm_notification
       WHERE status = 'PENDING' AND next_attempt_at <= LOCALTIMESTAMP
         AND (claimed_until IS NULL OR claimed_until < LOCALTIMESTAMP)
       ORDER BY next_attempt_at, id
       LIMIT #{limit}""")
  List<Long> due(int limit);

  /**
   * Takes a due message for one node until its lease ends; 1 if this node now holds it. The
   * condition is checked again on the locked row, so of two nodes claiming at once one gets 0.
   */
  @Update("""
      UPDATE rm_notification
         SET claimed_by = #{node}, claimed_until = TIMESTAMPADD(SECOND, #{leaseSeconds}, LOCALTIMESTAMP),
             attempts = attempts + 1
       WHERE id = #{id} AND status = 'PENDING' AND next_attempt_at <= LOCALTIMESTAMP
         AND (claimed_until IS NULL OR claimed_until < LOCALTIMESTAMP)""")
  int claim(@Param("id") long id, @Param("node") String node, @Param("leaseSeconds") long leaseSeconds);

  @Select("SELECT id, address, subject, body, attempts FROM rm_notification WHERE id = #{id} AND claimed_by = #{node}")
  OutgoingMail claimed(@Param("id") long id, @Param("node") String node);

  @Update("""
      UPDATE rm_notification
         SET status = 'SENT', sent_at = LOCALTIMESTAMP, last_error = NULL, claimed_by = NULL, claimed_until = NULL
       WHERE id = #{id} AND claimed_by = #{node}""")
  int sent(@Param("id") long id, @Param("node") String node);

  @Update("""
      UPDATE rm_notification
         SET next_attempt_at = TIMESTAMPADD(SECOND, #{delaySeconds}, LOCALTIMESTAMP), last_error = #{error},
             claimed_by = NULL, claimed_until = NULL
       WHERE id = #{id} AND claimed_by = #{node}""")
  int failed(@Param("id") long id, @Param("node") String node, @Param("delaySeconds") long delaySeconds,
             @Param("error") String error);

  /** Marks the messages recorded before the time and never tried as never to be sent. */
  @Update("UPDATE rm_notification SET status = 'WITHDRAWN' WHERE status = 'PENDING' AND attempts = 0 AND created_at < #{before}")
  int withdrawUntried(LocalDateTime before);

  /** Messages by status; PENDING split into those never tried and those that failed at least once. */
  @Select("""
      SELECT CASE WHEN status = 'PENDING' AND attempts > 0 THEN 'RETRYING' ELSE status END AS status, COUNT(*) AS messages
        FROM rm_notification
       GROUP BY CASE WHEN status = 'PENDING' AND attempts > 0 THEN 'RETRYING' ELSE status END""")
  List<MailCount> countByStatus();
}
