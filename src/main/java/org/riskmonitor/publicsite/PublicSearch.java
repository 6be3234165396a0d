package org.riskmonitor.publicsite;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.riskmonitor.publication.ItemType;
import org.riskmonitor.publication.PublicFilter;

/**
 * The public search as typed: item type, product kind, enterprise name or USCC, district and
 * period (from and to, inclusive dates). Checked before any query; what does not parse is
 * refused with a bilingual message naming the parameter, never echoing the value.
 */
public record PublicSearch(String type, String kind, String enterprise, String district, String from, String to) {

  private static final Pattern USCC = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");
  private static final Pattern DISTRICT = Pattern.compile("\\d{6}");
  private static final int ENTERPRISE_MAX = 100;

  /** A search the public site cannot serve. */
  public static class Refused extends RuntimeException {
    public Refused(String message) {
      super(message);
    }
  }

  public PublicFilter filter(Set<String> productKinds) {
    List<String> problems = new ArrayList<>();
    String itemType = blank(type) ? null : type.trim();
    if (itemType != null && !isItemType(itemType)) {
      problems.add("类别 type：不是可选的值 not one of the item types");
      itemType = null;
    }
    String productKind = blank(kind) ? null : kind.trim();
    if (productKind != null && !productKinds.contains(productKind)) {
      problems.add("产品类别 kind：不是已知的产品类别 not a known product kind");
    }
    String uscc = null;
    String enterpriseLike = null;
    if (!blank(enterprise)) {
      String text = enterprise.trim();
      if (text.length() > ENTERPRISE_MAX || text.chars().anyMatch(Character::isISOControl)) {
        problems.add("企业 enterprise：最多" + ENTERPRISE_MAX + "个字符 at most " + ENTERPRISE_MAX + " characters");
      } else if (USCC.matcher(text.toUpperCase()).matches()) {
        uscc = text.toUpperCase();
      } else {
        enterpriseLike = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
      }
    }
    String districtCode = blank(district) ? null : district.trim();
    if (districtCode != null && !DISTRICT.matcher(districtCode).matches()) {
      problems.add("区 district：应为6位行政区划代码 must be a 6-digit district code");
    }
    LocalDate fromDate = date(from, "起 from", problems);
    LocalDate toDate = date(to, "止 to", problems);
    if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
      problems.add("期间 Period：止日不能早于起日 to must not be before from");
    }
    if (!problems.isEmpty()) {
      throw new Refused("查询条件有误 The search cannot be served: " + String.join("；", problems));
    }
    return new PublicFilter(itemType, productKind, uscc, enterpriseLike, districtCode,
        fromDate == null ? null : fromDate.atStartOfDay(), toDate == null ? null : toDate.plusDays(1).atStartOfDay());
  }

  /** The filters as query parameters for links (feed, API, sections), values encoded by the caller's URL builder. */
  public boolean empty() {
    return blank(type) && blank(kind) && blank(enterprise) && blank(district) && blank(from) && blank(to);
  }

  private static boolean isItemType(String value) {
    for (ItemType t : ItemType.values()) {
      if (t.name().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static LocalDate date(String value, String label, List<String> problems) {
    if (blank(value)) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(value.trim());
      if (date.getYear() < 2000 || date.getYear() > 2100) {
        problems.add(label + "：日期超出范围 date out of range");
        return null;
      }
      return date;
    } catch (DateTimeParseException e) {
      problems.add(label + "：日期格式应为 yyyy-MM-dd date must be yyyy-MM-dd");
      return null;
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
