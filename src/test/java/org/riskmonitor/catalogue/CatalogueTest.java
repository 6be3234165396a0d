package org.riskmonitor.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The test items follow the standard edition in force on the production date. */
class CatalogueTest extends RiskMonitorTest {

  @Autowired
  private Catalogue catalogue;

  @Test
  void eBikeMadeBeforeSeptember2025_isTestedToThe2018EditionAndTheElectricalStandard() {
    assertThat(catalogue.testItems("E_BIKE", LocalDate.of(2025, 8, 31)))
        .extracting(StandardItem::standardCode).containsOnly("GB 17761-2018", "GB 42295-2022");
  }

  @Test
  void eBikeMadeFromSeptember2025_isTestedToThe2024Edition() {
    assertThat(catalogue.testItems("E_BIKE", LocalDate.of(2025, 9, 1)))
        .extracting(StandardItem::standardCode).containsOnly("GB 17761-2024", "GB 42295-2022");
  }

  @Test
  void eBikeMadeIn2023_predatesTheElectricalStandard() {
    assertThat(catalogue.testItems("E_BIKE", LocalDate.of(2023, 12, 31)))
        .extracting(StandardItem::standardCode).containsOnly("GB 17761-2018");
  }

  @Test
  void chargerMadeBeforeTheFirstEdition_isTestedToThatFirstEdition() {
    assertThat(catalogue.testItems("E_BIKE_CHARGER", LocalDate.of(2022, 1, 1)))
        .extracting(StandardItem::standardCode).containsOnly("GB 42296-2022");
  }

  @Test
  void itemsComeInStandardAndItemOrder() {
    assertThat(catalogue.testItems("WIRE_CABLE", LocalDate.of(2025, 1, 1)))
        .extracting(StandardItem::itemNo).containsExactly(1, 2, 3, 4);
  }
}
