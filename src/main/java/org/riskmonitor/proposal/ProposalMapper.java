package org.riskmonitor.proposal;

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
public interface ProposalMapper {

  @Insert("""
      INSERT INTO rm_proposal (product, place_kind, place_detail, concern, photo, photo_type, contact, submitted_at)
      VALUES (#{p.product}, #{p.placeKind}, #{p.placeDetail}, #{p.concern}, #{p.photo}, #{p.photoType}, #{p.contact},
              #{p.submittedAt})""")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insert(@Param("p") Proposal proposal, @Param("key") GeneratedId key);

  @Update("UPDATE rm_proposal SET proposal_number = #{number} WHERE id = #{id}")
  void number(@Param("id") long id, @Param("number") String number);

  @Select("SELECT photo_type, photo FROM rm_proposal WHERE proposal_number = #{number} AND photo IS NOT NULL")
  StoredPhoto photo(String number);

  /** Topics opened since the given time (the start of the year), the largest first. */
  @Select("""
      SELECT id, title, product_kind, focus_group, proposal_count FROM rm_proposal_topic
       WHERE created_at >= #{since} ORDER BY proposal_count DESC, id""")
  List<ProposalTopic> topicsSince(LocalDateTime since);

  @Select("SELECT id, title, product_kind, focus_group, proposal_count FROM rm_proposal_topic WHERE id = #{id}")
  ProposalTopic topic(long id);

  @Insert("""
      INSERT INTO rm_proposal_topic (title, product_kind, focus_group, proposal_count, created_by, created_at)
      VALUES (#{title}, #{productKind}, #{focusGroup}, 0, #{by}, #{at})""")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insertTopic(@Param("title") String title, @Param("productKind") String productKind,
                   @Param("focusGroup") String focusGroup, @Param("by") String by, @Param("at") LocalDateTime at,
                   @Param("key") GeneratedId key);

  /** Links a proposal not yet triaged to its topic; 0 rows if it already has one. */
  @Update("""
      UPDATE rm_proposal SET topic_id = #{topicId}, triaged_by = #{by}, triaged_at = #{at}
       WHERE id = #{proposalId} AND topic_id IS NULL""")
  int linkToTopic(@Param("proposalId") long proposalId, @Param("topicId") long topicId, @Param("by") String by,
                  @Param("at") LocalDateTime at);

  @Update("UPDATE rm_proposal_topic SET proposal_count = proposal_count + 1 WHERE id = #{topicId}")
  void countBacking(long topicId);

  @Update("""
      UPDATE rm_proposal_topic SET expert_id = #{expertId}, expert_opinion = #{opinion},
             expert_recommends = #{recommends}, opinion_at = #{at}
       WHERE id = #{topicId}""")
  void recordOpinion(@Param("topicId") long topicId, @Param("expertId") String expertId,
                     @Param("opinion") String opinion, @Param("recommends") boolean recommends,
                     @Param("at") LocalDateTime at);

  /** A topic joins one round: the first year it was reviewed in. */
  @Update("""
      UPDATE rm_proposal_topic SET round_year = #{year}, joined_round_at = #{at}
       WHERE id = #{topicId} AND round_year IS NULL""")
  void joinRound(@Param("topicId") long topicId, @Param("year") int year, @Param("at") LocalDateTime at);

  @Select("SELECT expert_recommends FROM rm_proposal_topic WHERE id = #{topicId}")
  Boolean recommended(long topicId);

  /** The topics in a year's round (those their expert recommended), the most backed first. */
  @Select("""
      SELECT id, title, product_kind, focus_group, proposal_count FROM rm_proposal_topic
       WHERE round_year = #{year} AND expert_recommends = TRUE ORDER BY proposal_count DESC, id""")
  List<ProposalTopic> topicsOfRound(int year);
}
