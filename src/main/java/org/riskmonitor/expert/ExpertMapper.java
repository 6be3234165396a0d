package org.riskmonitor.expert;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface ExpertMapper {

  @Select("SELECT user_id, name, district_code, title FROM rm_expert WHERE user_id = #{userId}")
  Expert findById(String userId);

  /** Experts in the product kind first, then the others, each by name. */
  @Select("""
      SELECT e.user_id, e.name, e.district_code, e.title FROM rm_expert e
        LEFT JOIN rm_expert_specialty s ON s.user_id = e.user_id AND s.product_kind = #{kind}
       ORDER BY CASE WHEN s.user_id IS NULL THEN 1 ELSE 0 END, e.name""")
  List<Expert> rankedFor(String kind);

  @Select("SELECT product_kind FROM rm_expert_specialty WHERE user_id = #{userId} ORDER BY product_kind")
  List<String> specialties(String userId);

  @Insert("INSERT INTO rm_expert (user_id, name, district_code, title) VALUES (#{e.userId}, #{e.name}, #{e.districtCode}, #{e.title})")
  void insert(@Param("e") Expert expert);

  @Insert("INSERT INTO rm_expert_specialty (user_id, product_kind) VALUES (#{userId}, #{kind})")
  void insertSpecialty(@Param("userId") String userId, @Param("kind") String productKind);
}
