package org.riskmonitor.expert;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Technical experts and the product kinds they specialise in. */
@Service
public class ExpertPool {

  private final ExpertMapper mapper;

  public ExpertPool(ExpertMapper mapper) {
    this.mapper = mapper;
  }

  public Expert byId(String userId) {
    return mapper.findById(userId);
  }

  /** Specialists in the product kind first. */
  public List<Expert> rankedFor(String productKind) {
    return mapper.rankedFor(productKind);
  }

  public List<String> specialties(String userId) {
    return mapper.specialties(userId);
  }

  @Transactional
  public Expert register(String userId, String name, String districtCode, String title, List<String> specialties) {
    Expert expert = new Expert(userId, name, districtCode, title);
    mapper.insert(expert);
    specialties.forEach(kind -> mapper.insertSpecialty(userId, kind));
    return expert;
  }
}
