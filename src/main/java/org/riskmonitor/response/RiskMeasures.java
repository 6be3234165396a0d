package org.riskmonitor.response;

import java.util.List;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.persistence.GeneratedId;
import org.springframework.stereotype.Service;

@Service
public class RiskMeasures {

  private final RiskMeasureMapper mapper;
  private final RegulatorClock clock;

  public RiskMeasures(RiskMeasureMapper mapper, RegulatorClock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  public long record(long caseId, RiskMeasure.Kind kind, String status, String title, String content, String reference,
                     String recordedBy) {
    GeneratedId key = new GeneratedId();
    mapper.insert(new RiskMeasure(null, caseId, kind.name(), status, title, content, reference, recordedBy,
        clock.now(), null, null, null), key);
    return key.getId();
  }

  /** Approves or returns a draft; false if it was no longer a draft. */
  public boolean decide(long measureId, String status, String decidedBy, String comment) {
    return mapper.decide(measureId, status, decidedBy, clock.now(), comment) == 1;
  }

  public RiskMeasure find(long measureId) {
    return mapper.find(measureId);
  }

  public List<RiskMeasure> ofCase(long caseId) {
    return mapper.ofCase(caseId);
  }
}
