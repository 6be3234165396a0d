package org.riskmonitor.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.cases.OptionList;
import org.riskmonitor.cases.Venue;
import org.riskmonitor.catalogue.Catalogue;
import org.riskmonitor.enterprise.EnterpriseRegistry;
import org.riskmonitor.form.StartFormChoices;
import org.riskmonitor.laboratory.Laboratories;
import org.springframework.stereotype.Component;

/**
 * The choices of a plan line (form {@code draft-plan}): product kinds of the catalogue, venues,
 * the current districts and the labs. Written into the start form when Tasklist loads it, and set
 * on the task when a draft comes back to its coordinator.
 */
@Component("planDraftOptions")
public class PlanDraftOptions implements TaskListener, StartFormChoices {

  private final Catalogue catalogue;
  private final EnterpriseRegistry enterprises;
  private final Laboratories labs;

  public PlanDraftOptions(Catalogue catalogue, EnterpriseRegistry enterprises, Laboratories labs) {
    this.catalogue = catalogue;
    this.enterprises = enterprises;
    this.labs = labs;
  }

  @Override
  public void notify(DelegateTask task) {
    optionLists().forEach((key, options) -> {
      OptionList list = new OptionList();
      options.forEach(list::add);
      task.setVariable(key, list.toJson());
    });
  }

  @Override
  public String processKey() {
    return MonitoringPlans.PROCESS_KEY;
  }

  @Override
  public Map<String, Map<String, String>> optionLists() {
    Map<String, String> kinds = new LinkedHashMap<>();
    catalogue.kinds().forEach(kind -> kinds.put(kind.code(), kind.label()));
    Map<String, String> venues = new LinkedHashMap<>();
    for (Venue venue : Venue.values()) {
      venues.put(venue.name(), venue.label());
    }
    Map<String, String> districts = new LinkedHashMap<>();
    enterprises.currentDistricts().forEach(district -> districts.put(district.code(), district.name()));
    Map<String, String> labOptions = new LinkedHashMap<>();
    labs.all().forEach(lab -> labOptions.put(String.valueOf(lab.id()), lab.name() + " (" + lab.code() + ")"));
    return Map.of("productKindOptions", kinds, "venueOptions", venues, "districtOptions", districts,
        "labOptions", labOptions);
  }

  @Override
  public Map<String, List<String>> valueLists() {
    return Map.of();
  }
}
