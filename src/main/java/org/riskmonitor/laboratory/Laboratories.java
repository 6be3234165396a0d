package org.riskmonitor.laboratory;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.riskmonitor.persistence.GeneratedId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Testing laboratories and their accreditation scope. Each lab works through its own group. */
@Service
public class Laboratories {

  private final LabMapper mapper;
  private final IdentityService identityService;

  public Laboratories(LabMapper mapper, IdentityService identityService) {
    this.mapper = mapper;
    this.identityService = identityService;
  }

  public Lab byId(long id) {
    return mapper.findById(id);
  }

  public List<Lab> all() {
    return mapper.findAll();
  }

  public List<Lab> accreditedFor(String productKind) {
    return mapper.accreditedFor(productKind);
  }

  @Transactional
  public Lab register(String code, String name, List<String> productKinds) {
    Lab lab = new Lab(null, code, name, "lab" + code);
    GeneratedId key = new GeneratedId();
    mapper.insert(lab, key);
    productKinds.forEach(kind -> mapper.insertScope(key.getId(), kind));
    if (identityService.createGroupQuery().groupId(lab.groupId()).singleResult() == null) {
      Group group = identityService.newGroup(lab.groupId());
      group.setName(name);
      group.setType("LAB");
      identityService.saveGroup(group);
    }
    return new Lab(key.getId(), code, name, lab.groupId());
  }
}
