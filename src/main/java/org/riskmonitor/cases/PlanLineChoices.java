package org.riskmonitor.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.form.StartFormChoices;
import org.springframework.stereotype.Component;

/**
 * The plan lines a case may be opened from today (approved plan, today within the line's period,
 * batches left), as the opening form's choices; and which of them sample components at assembly
 * plants, for the fields the form shows only for those.
 */
@Component
public class PlanLineChoices implements StartFormChoices {

  public static final String OPTIONS_KEY = "planLineOptions";
  public static final String COMPONENT_LINES = "componentLineIds";
  /** Lines of this venue sample components waiting for assembly (component sampling). */
  static final String COMPONENT_VENUE = Venue.ASSEMBLY_COMPONENTS.name();

  private final CaseMapper mapper;
  private final RegulatorClock clock;

  public PlanLineChoices(CaseMapper mapper, RegulatorClock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  public List<PlanLineOffer> openLines() {
    return mapper.openPlanLines(clock.today());
  }

  @Override
  public String processKey() {
    return "risk-case";
  }

  @Override
  public Map<String, Map<String, String>> optionLists() {
    Map<String, String> options = new LinkedHashMap<>();
    openLines().forEach(line -> options.put(String.valueOf(line.id()), line.label()));
    return Map.of(OPTIONS_KEY, options);
  }

  @Override
  public Map<String, List<String>> valueLists() {
    return Map.of(COMPONENT_LINES, openLines().stream().filter(line -> COMPONENT_VENUE.equals(line.venue()))
        .map(line -> String.valueOf(line.id())).toList());
  }
}
