package org.riskmonitor.expert;

import java.util.List;
import org.riskmonitor.catalogue.ProductKind;

/** What a coordinator sees of an expert in the pool. */
public record ExpertProfile(Expert expert, String districtName, List<ProductKind> specialties,
                            List<DeclaredConflict> conflicts, long openTasks) {

  public boolean specialises(String productKind) {
    return specialties.stream().anyMatch(kind -> kind.code().equals(productKind));
  }
}
