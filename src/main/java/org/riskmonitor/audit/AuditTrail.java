package org.riskmonitor.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.riskmonitor.calendar.RegulatorClock;
import org.springframework.stereotype.Service;

/**
 * The case's audit trail in our own tables. Written in the same transaction as the change it
 * records, so a refused or failed change leaves no entry; read by anyone reviewing a case.
 */
@Service
public class AuditTrail {

  static final int MAX_DETAIL = 4000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AuditMapper mapper;
  private final RegulatorClock clock;

  public AuditTrail(AuditMapper mapper, RegulatorClock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  public void record(Long caseId, String action, String actor, Map<String, ?> detail) {
    String text;
    try {
      text = JSON.writeValueAsString(detail);
    } catch (JsonProcessingException e) {
      text = String.valueOf(detail);
    }
    mapper.insert(caseId, action, actor, clock.now(), text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) : text);
  }

  public List<AuditEntry> ofCase(long caseId) {
    return mapper.ofCase(caseId);
  }
}
