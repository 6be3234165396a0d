package org.riskmonitor.publicsite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.riskmonitor.catalogue.Catalogue;
import org.riskmonitor.catalogue.ProductKind;
import org.riskmonitor.enterprise.District;
import org.riskmonitor.enterprise.EnterpriseRegistry;
import org.riskmonitor.publication.ItemType;
import org.riskmonitor.publication.Publication;
import org.riskmonitor.publication.Publications;
import org.springframework.stereotype.Service;

/** What the public site, its feed and its API show: published items only, in their public form. */
@Service
public class PublicSite {

  private static final Pattern PUBLIC_NUMBER = Pattern.compile("GS-\\d{4}-\\d{6,}");

  private final Publications publications;
  private final Catalogue catalogue;
  private final EnterpriseRegistry enterprises;

  public PublicSite(Publications publications, Catalogue catalogue, EnterpriseRegistry enterprises) {
    this.publications = publications;
    this.catalogue = catalogue;
    this.enterprises = enterprises;
  }

  /** Published items matching the search, newest first; refuses a search that does not parse. */
  public List<PublicItem> search(PublicSearch search) {
    return publications.published(search.filter(productKindCodes())).stream()
        .map(p -> PublicItem.of(p, List.of())).toList();
  }

  /** The items by section, in the order the site shows them (every section present, maybe empty). */
  public Map<ItemType, List<PublicItem>> bySection(List<PublicItem> items) {
    Map<ItemType, List<PublicItem>> sections = new LinkedHashMap<>();
    for (ItemType type : ItemType.values()) {
      sections.put(type, new ArrayList<>());
    }
    items.forEach(item -> sections.get(ItemType.valueOf(item.type())).add(item));
    return sections;
  }

  /** A published or withdrawn item with its public changes; null for anything else or a malformed number. */
  public PublicItem item(String publicNumber) {
    if (publicNumber == null || !PUBLIC_NUMBER.matcher(publicNumber).matches()) {
      return null;
    }
    Publication item = publications.publicItem(publicNumber);
    return item == null ? null : PublicItem.of(item, publications.changes(item.id()));
  }

  public List<PublicItem> withdrawals() {
    return publications.withdrawn().stream().map(p -> PublicItem.of(p, publications.changes(p.id()))).toList();
  }

  public List<ProductKind> productKinds() {
    return catalogue.kinds();
  }

  public List<District> districts() {
    return enterprises.currentDistricts();
  }

  public String publisher() {
    return publications.regulator();
  }

  private Set<String> productKindCodes() {
    return catalogue.kinds().stream().map(ProductKind::code).collect(Collectors.toSet());
  }
}
