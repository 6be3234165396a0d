package org.riskmonitor.enterprise;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.riskmonitor.persistence.GeneratedId;

@Mapper
public interface EnterpriseMapper {

  String COLUMNS = "id, uscc, name, address, district_code, industrial_cluster, group_id";

  @Select("SELECT " + COLUMNS + " FROM rm_enterprise WHERE uscc = #{uscc}")
  Enterprise findByUscc(String uscc);

  @Select("SELECT " + COLUMNS + " FROM rm_enterprise WHERE id = #{id}")
  Enterprise findById(long id);

  @Select("SELECT " + COLUMNS + " FROM rm_enterprise ORDER BY name")
  List<Enterprise> findAll();

  @Insert("""
      INSERT INTO rm_enterprise (uscc, name, address, district_code, industrial_cluster, group_id,
                                 uscc_check_overridden_by, created_at)
      VALUES (#{e.uscc}, #{e.name}, #{e.address}, #{e.districtCode}, #{e.industrialCluster}, #{e.groupId},
              #{overriddenBy}, #{at})""")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insert(@Param("e") Enterprise enterprise, @Param("overriddenBy") String usccCheckOverriddenBy,
              @Param("at") LocalDateTime at, @Param("key") GeneratedId key);

  @Select("SELECT name FROM rm_district WHERE code = #{code}")
  String districtName(String code);

  @Select("SELECT code, name FROM rm_district WHERE current_code = TRUE ORDER BY code")
  List<District> currentDistricts();
}
