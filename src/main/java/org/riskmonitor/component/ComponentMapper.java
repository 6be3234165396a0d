package org.riskmonitor.component;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ComponentMapper {

  @Update("""
      UPDATE rm_monitoring_case SET component_type = #{type}, supplier_enterprise_id = #{supplierId}
       WHERE id = #{caseId}""")
  void attach(@Param("caseId") long caseId, @Param("type") String componentType, @Param("supplierId") long supplierId);
}
