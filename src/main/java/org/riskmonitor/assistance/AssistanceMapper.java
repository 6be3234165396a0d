package org.riskmonitor.assistance;

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

@Mapper
public interface AssistanceMapper {

  @Insert("""
      INSERT INTO rm_assistance_visit (case_id, lead_expert_id, second_expert_id, planned_on, planned_by)
      VALUES (#{caseId}, #{lead}, #{second}, #{plannedOn}, #{by})""")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insertVisit(@Param("caseId") long caseId, @Param("lead") String leadExpertId, @Param("second") String secondExpertId,
                   @Param("plannedOn") LocalDate plannedOn, @Param("by") String plannedBy, @Param("key") GeneratedId key);

  @Update("""
      UPDATE rm_assistance_visit SET visited_on = #{visitedOn}, summary = #{summary}, recorded_at = #{at}
       WHERE id = #{id} AND recorded_at IS NULL""")
  int recordVisit(@Param("id") long visitId, @Param("visitedOn") LocalDate visitedOn, @Param("summary") String summary,
                  @Param("at") LocalDateTime at);

  @Insert("INSERT INTO rm_meeting (visit_id, kind, topic, held_on) VALUES (#{visitId}, #{kind}, #{topic}, #{heldOn})")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insertMeeting(@Param("visitId") long visitId, @Param("kind") String kind, @Param("topic") String topic,
                     @Param("heldOn") LocalDate heldOn, @Param("key") GeneratedId key);

  @Insert("INSERT INTO rm_meeting_attendee (meeting_id, name, organisation) VALUES (#{meetingId}, #{name}, #{organisation})")
  void insertAttendee(@Param("meetingId") long meetingId, @Param("name") String name,
                      @Param("organisation") String organisation);

  @Insert("""
      INSERT INTO rm_problem (case_id, visit_id, description, found_on)
      VALUES (#{caseId}, #{visitId}, #{description}, #{foundOn})""")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insertProblem(@Param("caseId") long caseId, @Param("visitId") long visitId,
                     @Param("description") String description, @Param("foundOn") LocalDate foundOn,
                     @Param("key") GeneratedId key);

  @Insert("""
      INSERT INTO rm_problem (case_id, visit_id, description, found_on, checklist_answer_id)
      VALUES (#{caseId}, #{visitId}, #{description}, #{foundOn}, #{answerId})""")
  void insertFindingProblem(@Param("caseId") long caseId, @Param("visitId") long visitId,
                            @Param("description") String description, @Param("foundOn") LocalDate foundOn,
                            @Param("answerId") long answerId);

  @Select("SELECT id, case_id, visit_id, description, found_on, solved_on, verified_by FROM rm_problem WHERE case_id = #{caseId} ORDER BY id")
  List<Problem> problems(long caseId);

  @Update("UPDATE rm_problem SET solved_on = #{solvedOn}, verified_by = #{by} WHERE id = #{id} AND case_id = #{caseId} AND solved_on IS NULL")
  int markSolved(@Param("caseId") long caseId, @Param("id") long problemId, @Param("solvedOn") LocalDate solvedOn,
                 @Param("by") String verifiedBy);
}
