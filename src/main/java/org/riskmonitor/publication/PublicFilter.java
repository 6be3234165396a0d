package org.riskmonitor.publication;

import java.time.LocalDateTime;

/**
 * Filters of the public search, already checked: an item type, a product kind code, an exact USCC
 * or part of an enterprise name (LIKE wildcards escaped), a district code, a period of publication.
 */
public record PublicFilter(String type, String productKind, String uscc, String enterpriseLike, String district,
                           LocalDateTime from, LocalDateTime until) {

  public static final PublicFilter NONE = new PublicFilter(null, null, null, null, null, null, null);

  public PublicFilter ofType(ItemType itemType) {
    return new PublicFilter(itemType.name(), productKind, uscc, enterpriseLike, district, from, until);
  }
}
