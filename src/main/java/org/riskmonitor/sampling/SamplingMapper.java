package org.riskmonitor.sampling;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.riskmonitor.persistence.GeneratedId;

@Mapper
public interface SamplingMapper {

  String SLIP_COLUMNS = """
      id, case_id, purpose, sampler_id, second_sampler, labelled_manufacturer, brand, model, batch_number,
      production_date, ccc_certificate, stock_quantity, sampled_on, enterprise_signatory, enterprise_remark,
      confirmed_by, confirmed_at, created_at""";

  @Insert("""
      INSERT INTO rm_sampling_slip (case_id, purpose, sampler_id, second_sampler, labelled_manufacturer, brand, model,
                                    batch_number, production_date, ccc_certificate, stock_quantity, sampled_on, created_at)
      VALUES (#{s.caseId}, #{s.purpose}, #{s.samplerId}, #{s.secondSampler}, #{s.labelledManufacturer}, #{s.brand},
              #{s.model}, #{s.batchNumber}, #{s.productionDate}, #{s.cccCertificate}, #{s.stockQuantity},
              #{s.sampledOn}, #{s.createdAt})""")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insertSlip(@Param("s") SamplingSlip slip, @Param("key") GeneratedId key);

  @Insert("""
      INSERT INTO rm_sample (slip_id, role, seal_number, quantity)
      VALUES (#{s.slipId}, #{s.role}, #{s.sealNumber}, #{s.quantity})""")
  @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
  void insertSample(@Param("s") Sample sample, @Param("key") GeneratedId key);

  @Update("""
      UPDATE rm_sampling_slip SET enterprise_signatory = #{signatory}, enterprise_remark = #{remark},
             confirmed_by = #{by}, confirmed_at = #{at}
       WHERE id = #{id} AND confirmed_at IS NULL""")
  int confirm(@Param("id") long slipId, @Param("signatory") String signatory, @Param("remark") String remark,
              @Param("by") String confirmedBy, @Param("at") LocalDateTime at);

  @Select("SELECT " + SLIP_COLUMNS + " FROM rm_sampling_slip WHERE id = #{id}")
  SamplingSlip findSlip(long id);
}
