package org.riskmonitor.document;

import java.util.List;
import java.util.Set;
import org.riskmonitor.cases.MonitoringCase;
import org.riskmonitor.cases.MonitoringCases;
import org.springframework.stereotype.Service;

/**
 * Who may see a case's documents. Coordinators and managers see every case; a company sees only
 * its own cases (test reports and evidence of a competitor are confidential); a lab sees the
 * cases it tests or re-tests; a sampler or an expert sees the cases they were assigned to.
 */
@Service
public class CaseAccess {

  /** The regulator's coordinators and managers, and the Camunda administrators. */
  static final Set<String> STAFF_GROUPS = Set.of("coordinators", "managers", "camunda-admin");

  private final CaseAccessMapper mapper;
  private final MonitoringCases cases;

  public CaseAccess(CaseAccessMapper mapper, MonitoringCases cases) {
    this.mapper = mapper;
    this.cases = cases;
  }

  /**
   * Decided by the caller's groups: a company or lab acts through its group, so a colleague added
   * to the group sees the same cases. Without a known user nobody sees anything.
   */
  public boolean maySee(String userId, List<String> groupIds, MonitoringCase c) {
    if (userId == null || groupIds == null || c == null) {
      return false;
    }
    if (groupIds.stream().anyMatch(STAFF_GROUPS::contains)) {
      return true;
    }
    return cases.organisationGroups(c.id()).stream().anyMatch(groupIds::contains)
        || mapper.assignedPeople(c.id()).contains(userId);
  }
}
