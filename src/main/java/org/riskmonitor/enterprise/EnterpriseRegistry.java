package org.riskmonitor.enterprise;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.input.TextRules;
import org.riskmonitor.persistence.GeneratedId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Enterprises under monitoring. Each has its own Camunda group, through which its staff work. */
@Service
public class EnterpriseRegistry {

  private final EnterpriseMapper mapper;
  private final IdentityService identityService;
  private final RegulatorClock clock;

  public EnterpriseRegistry(EnterpriseMapper mapper, IdentityService identityService, RegulatorClock clock) {
    this.mapper = mapper;
    this.identityService = identityService;
    this.clock = clock;
  }

  public Enterprise byUscc(String uscc) {
    return mapper.findByUscc(uscc);
  }

  public Enterprise byId(long id) {
    return mapper.findById(id);
  }

  public List<Enterprise> all() {
    return mapper.findAll();
  }

  public String districtName(String code) {
    return mapper.districtName(code);
  }

  public List<District> currentDistricts() {
    return mapper.currentDistricts();
  }

  public static String groupIdFor(String uscc) {
    return "ent" + uscc;
  }

  /**
   * Registers an enterprise and creates its group. A USCC whose check character does not match
   * is accepted only with the name of the coordinator who overrides the check.
   */
  @Transactional
  public Enterprise register(String uscc, String name, String address, String districtCode,
                             String industrialCluster, String usccCheckOverriddenBy) {
    List<String> problems = new ArrayList<>();
    Uscc.Verdict verdict = Uscc.check(uscc);
    if (verdict == Uscc.Verdict.MALFORMED) {
      problems.add("统一社会信用代码格式不正确 USCC is malformed: " + uscc);
    } else if (verdict == Uscc.Verdict.CHECK_CHARACTER_MISMATCH && usccCheckOverriddenBy == null) {
      problems.add("统一社会信用代码校验位不符，需协调员确认 USCC check character mismatch; a coordinator must override: " + uscc);
    }
    if (mapper.districtName(districtCode) == null) {
      problems.add("行政区划代码未知 Unknown district code: " + districtCode);
    }
    if (verdict != Uscc.Verdict.MALFORMED && mapper.findByUscc(uscc) != null) {
      problems.add("企业已登记 Enterprise already registered: " + uscc);
    }
    checkText(problems, "企业名称 Name", name, true, 200);
    checkText(problems, "地址 Address", address, true, 300);
    checkText(problems, "产业集群 Industrial cluster", industrialCluster, false, 100);
    if (!problems.isEmpty()) {
      throw new FormRefusal(problems);
    }
    Enterprise enterprise = new Enterprise(null, uscc, name, address, districtCode, industrialCluster, groupIdFor(uscc));
    GeneratedId key = new GeneratedId();
    mapper.insert(enterprise, verdict == Uscc.Verdict.VALID ? null : usccCheckOverriddenBy, clock.now(), key);
    if (identityService.createGroupQuery().groupId(enterprise.groupId()).singleResult() == null) {
      Group group = identityService.newGroup(enterprise.groupId());
      group.setName(name);
      group.setType("ENTERPRISE");
      identityService.saveGroup(group);
    }
    return new Enterprise(key.getId(), uscc, name, address, districtCode, industrialCluster, enterprise.groupId());
  }

  /** A typed value of a registration: present if required, within its column, nothing TextRules refuses. */
  static void checkText(List<String> problems, String label, String value, boolean required, int maxLength) {
    if (value == null || value.isBlank()) {
      if (required) {
        problems.add(label + "：必填 required");
      }
    } else if (value.length() > maxLength) {
      problems.add(label + "：不得超过" + maxLength + "个字符 at most " + maxLength + " characters");
    } else if (TextRules.problem(value) != null) {
      problems.add(label + "：" + TextRules.problem(value));
    }
  }
}
