package org.riskmonitor.catalogue;

import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface CatalogueMapper {

  @Select("SELECT code, name_zh, name_en, high_risk FROM rm_product_kind WHERE code = #{code}")
  ProductKind findKind(String code);

  @Select("SELECT code, name_zh, name_en, high_risk FROM rm_product_kind ORDER BY code")
  List<ProductKind> kinds();

  /** Items of every standard family in force on the production date: its latest edition by then. */
  @Select("""
      SELECT e.standard_code, i.item_no, i.clause, i.requirement
        FROM rm_standard_edition e JOIN rm_standard_item i ON i.edition_id = e.id
       WHERE e.product_kind = #{kind} AND e.effective_from <= #{producedOn}
         AND NOT EXISTS (SELECT 1 FROM rm_standard_edition later
                          WHERE later.product_kind = e.product_kind
                            AND later.standard_family = e.standard_family
                            AND later.effective_from <= #{producedOn}
                            AND later.effective_from > e.effective_from)
       ORDER BY e.standard_code, i.item_no""")
  List<StandardItem> itemsInForce(@Param("kind") String kind, @Param("producedOn") LocalDate producedOn);

  /** The first edition of each family, for products made before any edition took effect. */
  @Select("""
      SELECT e.standard_code, i.item_no, i.clause, i.requirement
        FROM rm_standard_edition e JOIN rm_standard_item i ON i.edition_id = e.id
       WHERE e.product_kind = #{kind}
         AND NOT EXISTS (SELECT 1 FROM rm_standard_edition earlier
                          WHERE earlier.product_kind = e.product_kind
                            AND earlier.standard_family = e.standard_family
                            AND earlier.effective_from < e.effective_from)
       ORDER BY e.standard_code, i.item_no""")
  List<StandardItem> firstEditionItems(String kind);
}
