package org.riskmonitor.component;

/**
 * The components sampled at e-bike assembly plants, and the product kind whose standard each is
 * tested against (reference data {@code rm_component_type} holds the same). Lights, reflectors,
 * short-circuit protectors and handlebar assemblies have no standard of their own in the
 * catalogue: their requirements are clauses of the e-bike standards (GB 17761, GB 42295).
 */
public enum ComponentType {
  LIGHT("车灯 Light", "E_BIKE"),
  REFLECTOR("反射器 Reflector", "E_BIKE"),
  CHARGER("充电器 Charger", "E_BIKE_CHARGER"),
  SHORT_CIRCUIT_PROTECTOR("短路保护器 Short-circuit protector", "E_BIKE"),
  HANDLEBAR("车把组合件 Handlebar assembly", "E_BIKE"),
  LI_ION_BATTERY("锂离子蓄电池 Li-ion battery", "E_BIKE_LI_BATTERY");

  private final String label;
  private final String productKind;

  ComponentType(String label, String productKind) {
    this.label = label;
    this.productKind = productKind;
  }

  public String label() {
    return label;
  }

  /** The catalogue's product kind whose standard editions and test items apply. */
  public String productKind() {
    return productKind;
  }
}
