package org.riskmonitor.security;

import java.util.List;

/** The Camunda groups of the regulator's roles; labs and enterprises also have one group each. */
public final class Roles {

  public static final String COORDINATORS = "coordinators";
  public static final String SAMPLERS = "samplers";
  public static final String LABS = "labs";
  public static final String EXPERTS = "experts";
  public static final String MANAGERS = "managers";
  public static final String ENTERPRISES = "enterprises";
  public static final String ADMINS = "camunda-admin";

  public static final List<String> ALL = List.of(COORDINATORS, SAMPLERS, LABS, EXPERTS, MANAGERS, ENTERPRISES);
  /** The regulator's own staff, who may read every case. */
  public static final List<String> REGULATOR = List.of(COORDINATORS, MANAGERS);
  /**
   * The roles whose members may be given a step of any case; labs and enterprises act only on the
   * cases they take part in, through their own organisation's group.
   */
  public static final List<String> ANY_CASE = List.of(COORDINATORS, MANAGERS, SAMPLERS, EXPERTS);

  private Roles() {
  }

  public static String label(String group) {
    return switch (group) {
      case COORDINATORS -> "监管协调员 Coordinators";
      case SAMPLERS -> "抽样人员 Samplers";
      case LABS -> "检验检测机构 Laboratories";
      case EXPERTS -> "技术专家 Experts";
      case MANAGERS -> "管理者 Managers";
      case ENTERPRISES -> "企业 Enterprises";
      default -> group;
    };
  }
}
