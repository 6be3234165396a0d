package org.riskmonitor.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.input.FormRefusal;
import org.springframework.beans.factory.annotation.Autowired;

class EnterpriseRegistryTest extends RiskMonitorTest {

  @Autowired
  private EnterpriseRegistry registry;

  @Test
  void aValidEnterpriseGetsItsOwnGroup() {
    Enterprise enterprise = registry.register("91120118MA05T7JU1U", "天津市静海演示五金有限公司", "静海区", "120118", null, null);

    assertThat(registry.byUscc("91120118MA05T7JU1U").name()).isEqualTo("天津市静海演示五金有限公司");
    assertThat(engine.getIdentityService().createGroupQuery().groupId(enterprise.groupId()).count()).isEqualTo(1);
  }

  @Test
  void aCheckCharacterMismatchNeedsACoordinatorsOverride_andTheOverrideIsRecorded() {
    assertThatThrownBy(() -> registry.register("91120110MA05T7JU1A", "演示企业甲", "东丽区", "120110", null, null))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("校验位不符");
    assertThat(registry.byUscc("91120110MA05T7JU1A")).isNull();

    registry.register("91120110MA05T7JU1A", "演示企业甲", "东丽区", "120110", null, "coordinator");
    assertThat(count("rm_enterprise", "uscc = ? AND uscc_check_overridden_by = 'coordinator'", "91120110MA05T7JU1A"))
        .isEqualTo(1);
  }

  @Test
  void malformedCodesAndUnknownDistrictsAreRefused() {
    assertThatThrownBy(() -> registry.register("91120110MA05T7JU1", "演示企业乙", "地址", "129999", null, "coordinator"))
        .isInstanceOf(FormRefusal.class).hasMessageContaining("格式不正确").hasMessageContaining("行政区划代码未知");
  }
}
