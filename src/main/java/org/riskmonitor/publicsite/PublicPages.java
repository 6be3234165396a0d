package org.riskmonitor.publicsite;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.catalogue.ProductKind;
import org.riskmonitor.yearlycatalogue.CatalogueEntry;
import org.riskmonitor.yearlycatalogue.YearlyCatalogues;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;

/**
 * The public site, open without login and without JavaScript: consumer alerts, monitoring results,
 * the red and black lists, bulletins, and the year's approved catalogue, with a search.
 */
@Controller
@RequestMapping("/public")
public class PublicPages {

  private final PublicSite site;
  private final YearlyCatalogues catalogues;
  private final RegulatorClock clock;

  public PublicPages(PublicSite site, YearlyCatalogues catalogues, RegulatorClock clock) {
    this.site = site;
    this.catalogues = catalogues;
    this.clock = clock;
  }

  @GetMapping({"", "/"})
  public String index(@RequestParam(required = false) String type, @RequestParam(required = false) String kind,
                      @RequestParam(required = false) String enterprise, @RequestParam(required = false) String district,
                      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      Model model) {
    PublicSearch search = new PublicSearch(type, kind, enterprise, district, from, to);
    model.addAttribute("sections", site.bySection(site.search(search)));
    model.addAttribute("search", search);
    model.addAttribute("withdrawals", search.empty() ? site.withdrawals() : List.of());
    model.addAttribute("kinds", site.productKinds());
    model.addAttribute("districts", site.districts());
    model.addAttribute("year", clock.today().getYear());
    return "public/index";
  }

  @GetMapping("/items/{publicNumber}")
  public String item(@PathVariable String publicNumber, HttpServletResponse response, Model model) {
    PublicItem item = site.item(publicNumber);
    if (item == null) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("message", "没有这个公开编号的信息 No published item has this number");
      return "public/refused";
    }
    model.addAttribute("item", item);
    model.addAttribute("publisher", site.publisher());
    return "public/item";
  }

  @GetMapping("/catalogue")
  public String catalogue(@RequestParam(required = false) String year, Model model) {
    int shown = year == null || year.isBlank() ? clock.today().getYear() : parseYear(year);
    Map<String, ProductKind> kinds = site.productKinds().stream()
        .collect(Collectors.toMap(ProductKind::code, Function.identity()));
    List<CatalogueEntry> entries = catalogues.inForce(shown);
    model.addAttribute("year", shown);
    model.addAttribute("rows", entries.stream().map(e -> new CatalogueRow(
        kinds.containsKey(e.productKind()) ? kinds.get(e.productKind()).label() : e.productKind(),
        e.focusGroup().label(), e.riskReasons(), e.inclusionReason())).toList());
    return "public/catalogue";
  }

  /** A catalogue line as the public reads it: no proposal counts, no people. */
  public record CatalogueRow(String productKind, String focusGroup, String riskReasons, String inclusionReason) {
  }

  @ExceptionHandler(PublicSearch.Refused.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  public String refused(PublicSearch.Refused refusal, Model model) {
    model.addAttribute("message", refusal.getMessage());
    return "public/refused";
  }

  private static int parseYear(String year) {
    try {
      int value = Integer.parseInt(year.trim());
      if (value >= 2000 && value <= 2100) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below, as a year out of range is
    }
    throw new PublicSearch.Refused("年度 year：应为2000至2100之间的年份 must be a year from 2000 to 2100");
  }
}
