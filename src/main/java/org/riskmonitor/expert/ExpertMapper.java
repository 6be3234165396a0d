package org.riskmonitor.expert;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface ExpertMapper {

  @Select("SELECT user_id, name, district_code, title FROM rm_expert WHERE user_id = #{userId}")
  Expert findById(String userId);

  @Select("SELECT user_id, name, district_code, title FROM rm_expert ORDER BY user_id")
  List<Expert> findAll();

  @Select("SELECT product_kind FROM rm_expert_specialty WHERE user_id = #{userId} ORDER BY product_kind")
  List<String> specialties(String userId);

  @Select("SELECT user_id FROM rm_expert_specialty WHERE product_kind = #{kind}")
  List<String> specialistsIn(String kind);

  @Select("SELECT user_id FROM rm_expert_conflict WHERE enterprise_id = #{enterpriseId}")
  List<String> conflictedWith(long enterpriseId);

  @Select("SELECT COUNT(*) FROM rm_expert_conflict WHERE user_id = #{userId} AND enterprise_id = #{enterpriseId}")
  int countConflicts(@Param("userId") String userId, @Param("enterpriseId") long enterpriseId);

  @Select("""
      SELECT c.user_id, c.enterprise_id, e.uscc AS enterprise_uscc, e.name AS enterprise_name, c.reason,
             c.declared_by, c.declared_at
        FROM rm_expert_conflict c JOIN rm_enterprise e ON e.id = c.enterprise_id
       WHERE c.user_id = #{userId} ORDER BY c.declared_at, e.uscc""")
  List<DeclaredConflict> conflictsOf(String userId);

  @Insert("INSERT INTO rm_expert (user_id, name, district_code, title) VALUES (#{e.userId}, #{e.name}, #{e.districtCode}, #{e.title})")
  void insert(@Param("e") Expert expert);

  @Insert("INSERT INTO rm_expert_specialty (user_id, product_kind) VALUES (#{userId}, #{kind})")
  void insertSpecialty(@Param("userId") String userId, @Param("kind") String productKind);

  @Delete("DELETE FROM rm_expert_specialty WHERE user_id = #{userId}")
  void deleteSpecialties(String userId);

  @Insert("""
      INSERT INTO rm_expert_conflict (user_id, enterprise_id, declared_at, declared_by, reason)
      VALUES (#{userId}, #{enterpriseId}, #{at}, #{by}, #{reason})""")
  void insertConflict(@Param("userId") String userId, @Param("enterpriseId") long enterpriseId,
                      @Param("at") LocalDateTime declaredAt, @Param("by") String declaredBy, @Param("reason") String reason);
}
