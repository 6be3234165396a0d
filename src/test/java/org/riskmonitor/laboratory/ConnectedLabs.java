package org.riskmonitor.laboratory;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.security.Roles;

/**
 * Labs connected to their LIMS for a test: registered once in the shared context, each with its
 * technical user (groups {@code labs} and the lab's own), accredited for one product kind only while
 * the test runs, so other tests, which choose labs by scope and spare capacity, never get them.
 */
public final class ConnectedLabs {

  public static final String TECHNICAL_PASSWORD = "Kq7#vPz2!mW9xR4t";

  private final Laboratories labs;
  private final LabMapper mapper;
  private final IdentityService identityService;

  public ConnectedLabs(Laboratories labs, LabMapper mapper, IdentityService identityService) {
    this.labs = labs;
    this.mapper = mapper;
    this.identityService = identityService;
  }

  public Lab connect(String code, String name, String technicalUser, String productKind) {
    Lab lab = labs.all().stream().filter(l -> l.code().equals(code)).findFirst()
        .orElseGet(() -> labs.register(code, name, 50, List.of(productKind)));
    if (identityService.createUserQuery().userId(technicalUser).count() == 0) {
      User user = identityService.newUser(technicalUser);
      user.setFirstName("LIMS");
      user.setLastName(code);
      user.setPassword(TECHNICAL_PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(technicalUser, Roles.LABS);
      identityService.createMembership(technicalUser, lab.groupId());
    }
    mapper.deleteScope(lab.id());
    mapper.insertScope(lab.id(), productKind);
    return labs.connectLims(lab.id(), true, CaseWalker.COORDINATOR);
  }

  public void withdraw(Lab lab) {
    mapper.deleteScope(lab.id());
  }
}
