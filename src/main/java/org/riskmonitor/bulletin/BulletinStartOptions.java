package org.riskmonitor.bulletin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.riskmonitor.catalogue.Catalogue;
import org.riskmonitor.form.StartFormChoices;
import org.springframework.stereotype.Component;

/** The product kinds the start form {@code start-bulletin} offers: those of the catalogue. */
@Component
public class BulletinStartOptions implements StartFormChoices {

  private final Catalogue catalogue;

  public BulletinStartOptions(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public String processKey() {
    return Bulletins.PROCESS_KEY;
  }

  @Override
  public Map<String, Map<String, String>> optionLists() {
    Map<String, String> kinds = new LinkedHashMap<>();
    catalogue.kinds().forEach(kind -> kinds.put(kind.code(), kind.label()));
    return Map.of("bulletinKindOptions", kinds);
  }

  @Override
  public Map<String, List<String>> valueLists() {
    return Map.of();
  }
}
