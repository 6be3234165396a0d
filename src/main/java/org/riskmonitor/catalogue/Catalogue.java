package org.riskmonitor.catalogue;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/** The product catalogue and the test items a product must pass, by the edition in force. */
@Service
public class Catalogue {

  private final CatalogueMapper mapper;

  public Catalogue(CatalogueMapper mapper) {
    this.mapper = mapper;
  }

  public ProductKind kind(String code) {
    return mapper.findKind(code);
  }

  public List<ProductKind> kinds() {
    return mapper.kinds();
  }

  /**
   * The test items for a product made on the given date. A product made before the first
   * edition of a standard took effect is tested against that first edition.
   */
  public List<StandardItem> testItems(String productKind, LocalDate producedOn) {
    List<StandardItem> items = mapper.itemsInForce(productKind, producedOn);
    return items.isEmpty() ? mapper.firstEditionItems(productKind) : items;
  }
}
