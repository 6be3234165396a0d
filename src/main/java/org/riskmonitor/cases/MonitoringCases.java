package org.riskmonitor.cases;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.persistence.GeneratedId;
import org.springframework.stereotype.Service;

/** The monitoring cases: the record every step of the process writes beside. */
@Service
public class MonitoringCases {

  /** Process variable holding our case id; every step finds its case through it. */
  public static final String CASE_ID = "caseId";

  private final CaseMapper mapper;
  private final RegulatorClock clock;

  public MonitoringCases(CaseMapper mapper, RegulatorClock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  public MonitoringCase open(long enterpriseId, String productKind, String productName, Venue venue,
                             long planLineId, String processInstanceId, String openedBy) {
    LocalDateTime now = clock.now();
    MonitoringCase draft = new MonitoringCase(null, null, processInstanceId, enterpriseId,
        productKind, productName, venue.name(), planLineId, null, null, null, null, openedBy, now);
    GeneratedId key = new GeneratedId();
    mapper.insert(draft, key);
    String caseNumber = String.format("TJ-%d-%06d", now.getYear(), key.getId());
    mapper.setCaseNumber(key.getId(), caseNumber);
    return mapper.findById(key.getId());
  }

  public MonitoringCase of(VariableScope scope) {
    Object id = scope.getVariable(CASE_ID);
    if (!(id instanceof Number number)) {
      throw new IllegalStateException("process has no " + CASE_ID);
    }
    return mapper.findById(number.longValue());
  }

  public long idOf(VariableScope scope) {
    return ((Number) scope.getVariable(CASE_ID)).longValue();
  }

  public MonitoringCase byNumber(String caseNumber) {
    return mapper.findByNumber(caseNumber);
  }

  /**
   * The Camunda groups of the organisations taking part in the case: its enterprise (for component
   * sampling the assembly plant and the supplier) and the labs that test it.
   */
  public Set<String> organisationGroups(long caseId) {
    return Set.copyOf(mapper.organisationGroups(caseId));
  }

  /** The lab of the plan line the case was opened from: the one the coordinator is offered first. */
  public Long plannedLabId(long caseId) {
    return mapper.plannedLabId(caseId);
  }

  public List<MonitoringCase> all() {
    return mapper.findAll();
  }

  public void assignSampling(long caseId, String samplerId, long labId) {
    mapper.assignSampling(caseId, samplerId, labId);
  }

  public void assignExpert(long caseId, String expertId) {
    mapper.assignExpert(caseId, expertId);
  }

  public void setRiskLevel(long caseId, String riskLevel) {
    mapper.setRiskLevel(caseId, riskLevel);
  }
}
