package org.riskmonitor.engineapi;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.riskmonitor.security.Roles;

/** The roles of the allow-list's columns, in their order, each a Camunda group. */
public enum ApiRole {
  ENTERPRISE(Roles.ENTERPRISES, true),
  LAB(Roles.LABS, true),
  SAMPLER(Roles.SAMPLERS, true),
  EXPERT(Roles.EXPERTS, true),
  COORDINATOR(Roles.COORDINATORS, false),
  MANAGER(Roles.MANAGERS, false);

  private final String group;
  /** sees a case only through its own tasks, unlike the regulator's coordinators and managers */
  private final boolean outside;

  ApiRole(String group, boolean outside) {
    this.group = group;
    this.outside = outside;
  }

  public String group() {
    return group;
  }

  public boolean outside() {
    return outside;
  }

  public static Set<ApiRole> of(Collection<String> groups) {
    Set<ApiRole> roles = EnumSet.noneOf(ApiRole.class);
    for (ApiRole role : values()) {
      if (groups != null && groups.contains(role.group)) {
        roles.add(role);
      }
    }
    return roles;
  }
}
