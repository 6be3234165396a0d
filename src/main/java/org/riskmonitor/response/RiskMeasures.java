package org.riskmonitor.response;

import java.util.List;
import org.riskmonitor.cases.CaseFiles;
import org.riskmonitor.persistence.GeneratedId;
import org.springframework.stereotype.Service;

@Service
public class RiskMeasures {

  private final RiskMeasureMapper mapper;

  public RiskMeasures(RiskMeasureMapper mapper) {
    this.mapper = mapper;
  }

  public long record(long caseId, RiskMeasure.Kind kind, String status, String title, String content, String reference,
                     String recordedBy) {
    GeneratedId key = new GeneratedId();
    mapper.insert(new RiskMeasure(null, caseId, kind.name(), status, title, content, reference, recordedBy,
        CaseFiles.now(), null, null, null), key);
    return key.getId();
  }

  /** Approves or returns a draft; false if it was no longer a draft. */
  public boolean decide(long measureId, String status, String decidedBy, String comment) {
    return mapper.decide(measureId, status, decidedBy, CaseFiles.now(), comment) == 1;
  }

  public List<RiskMeasure> ofCase(long caseId) {
    return mapper.ofCase(caseId);
  }
}
