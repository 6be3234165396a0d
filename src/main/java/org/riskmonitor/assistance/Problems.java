package org.riskmonitor.assistance;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/** Problems found on assistance visits, and their solving, for other features. */
@Service
public class Problems {

  private final AssistanceMapper mapper;

  public Problems(AssistanceMapper mapper) {
    this.mapper = mapper;
  }

  public List<Problem> ofCase(long caseId) {
    return mapper.problems(caseId);
  }

  public void markSolved(long caseId, List<Long> problemIds, LocalDate solvedOn, String verifiedBy) {
    problemIds.forEach(id -> mapper.markSolved(caseId, id, solvedOn, verifiedBy));
  }
}
