package org.riskmonitor.publicsite;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.riskmonitor.calendar.RegulatorClock;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The same published items as the site, with the same filters: an Atom feed for readers and a JSON
 * API for other systems. Both open without login; neither shows anything the site does not.
 */
@RestController
@RequestMapping("/public")
public class PublicFeeds {

  private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

  private final PublicSite site;
  private final RegulatorClock clock;

  public PublicFeeds(PublicSite site, RegulatorClock clock) {
    this.site = site;
    this.clock = clock;
  }

  @GetMapping("/api/items")
  public Map<String, Object> items(@RequestParam(required = false) String type, @RequestParam(required = false) String kind,
                                   @RequestParam(required = false) String enterprise,
                                   @RequestParam(required = false) String district,
                                   @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return Map.of("items", site.search(new PublicSearch(type, kind, enterprise, district, from, to)));
  }

  @GetMapping("/api/items/{publicNumber}")
  public ResponseEntity<Object> item(@PathVariable String publicNumber) {
    PublicItem item = site.item(publicNumber);
    return item == null
        ? ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", "没有这个公开编号的信息 No published item has this number"))
        : ResponseEntity.ok(item);
  }

  @GetMapping("/feed.atom")
  public ResponseEntity<String> feed(@RequestParam(required = false) String type, @RequestParam(required = false) String kind,
                                     @RequestParam(required = false) String enterprise,
                                     @RequestParam(required = false) String district,
                                     @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    List<PublicItem> items = site.search(new PublicSearch(type, kind, enterprise, district, from, to));
    String root = ServletUriComponentsBuilder.fromCurrentContextPath().path("/public").toUriString();
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n")
        .append("<title>产品质量安全风险监测信息公开 Product safety risk monitoring: public information</title>\n")
        .append("<id>").append(escape(root)).append("</id>\n")
        .append("<link rel=\"alternate\" href=\"").append(escape(root)).append("\"/>\n")
        .append("<author><name>").append(escape(site.publisher())).append("</name></author>\n")
        .append("<updated>").append(instant(items.isEmpty() ? null : items.get(0).updatedAt())).append("</updated>\n");
    for (PublicItem item : items) {
      String link = root + "/items/" + item.publicNumber();
      xml.append("<entry>\n")
          .append("<id>").append(escape(link)).append("</id>\n")
          .append("<title>").append(escape(item.typeLabel() + "：" + item.title())).append("</title>\n")
          .append("<link rel=\"alternate\" href=\"").append(escape(link)).append("\"/>\n")
          .append("<category term=\"").append(item.type()).append("\" label=\"").append(escape(item.typeLabel()))
          .append("\"/>\n")
          .append("<published>").append(instant(item.publishedAt())).append("</published>\n")
          .append("<updated>").append(instant(item.updatedAt())).append("</updated>\n")
          .append("<summary>").append(escape(summary(item))).append("</summary>\n")
          .append("</entry>\n");
    }
    xml.append("</feed>\n");
    return ResponseEntity.ok().contentType(ATOM).body(xml.toString());
  }

  @ExceptionHandler(PublicSearch.Refused.class)
  public ResponseEntity<Map<String, String>> refused(PublicSearch.Refused refusal) {
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("message", refusal.getMessage()));
  }

  private static String summary(PublicItem item) {
    StringBuilder text = new StringBuilder();
    line(text, item.enterpriseLabel(), item.enterpriseName());
    line(text, "统一社会信用代码 USCC", item.enterpriseUscc());
    line(text, "产品 Product", item.productName());
    line(text, "零部件 Component", item.componentName());
    line(text, "商标 Brand", item.brand());
    line(text, "型号规格 Model", item.model());
    line(text, "批号 Batch", item.batchNumber());
    line(text, "区 District", item.districtName());
    line(text, "不合格项目 Failed items", item.failedItems());
    line(text, "危害 Hazard", item.hazard());
    line(text, "措施 Measures", item.measures());
    return text.toString();
  }

  private static void line(StringBuilder text, String label, String value) {
    if (value != null) {
      text.append(label).append("：").append(value).append('\n');
    }
  }

  private String instant(LocalDateTime at) {
    return (at == null ? clock.now() : at).atZone(clock.getZone()).withNano(0)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** XML text: the five special characters escaped, characters XML cannot hold dropped. */
  private static String escape(String text) {
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints().filter(c -> c == '\n' || c == '\t' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF))
        .forEach(kept::appendCodePoint);
    return HtmlUtils.htmlEscape(kept.toString(), "UTF-8");
  }
}
