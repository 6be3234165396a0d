package org.riskmonitor.closure;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The red and black lists, read from the closures. A case is listed under the enterprise that
 * answers for it: the supplier of a component sampled at an assembly plant, otherwise the
 * enterprise sampled. One statement, so a public page can show the same lines later.
 */
@Mapper
public interface ListMapper {

  @Select("""
      <script>
      SELECT k.list_entry, e.name AS enterprise_name, e.uscc AS enterprise_uscc,
             pk.name_zh AS product_kind_zh, pk.name_en AS product_kind_en,
             ct.name_zh AS component_zh, ct.name_en AS component_en, c.product_name,
             CASE WHEN c.supplier_enterprise_id IS NULL THEN NULL ELSE p.name END AS assembly_plant_name,
             c.case_number, k.closed_at
        FROM rm_case_closure k
        JOIN rm_monitoring_case c ON c.id = k.case_id
        JOIN rm_enterprise e ON e.id = COALESCE(c.supplier_enterprise_id, c.enterprise_id)
        JOIN rm_enterprise p ON p.id = c.enterprise_id
        JOIN rm_product_kind pk ON pk.code = c.product_kind
        LEFT JOIN rm_component_type ct ON ct.code = c.component_type
       WHERE 1 = 1
       <if test="listEntry != null">AND k.list_entry = #{listEntry}</if>
       <if test="components != null and components">AND c.component_type IS NOT NULL</if>
       ORDER BY k.closed_at DESC, c.case_number DESC
       LIMIT #{limit}
      </script>""")
  List<ListedEnterprise> entries(@Param("listEntry") String listEntry, @Param("components") Boolean componentsOnly,
                                 @Param("limit") int limit);
}
