package org.riskmonitor.publication;

import java.util.ArrayList;
import java.util.List;

/**
 * The item as the public will read it, field by field: shown to the manager in the approval form
 * (as Markdown, every value escaped) and sent to the enterprise as plain text.
 */
public final class PublicPreview {

  private PublicPreview() {
  }

  static List<String[]> fields(Publication p) {
    List<String[]> fields = new ArrayList<>();
    add(fields, "公开编号 Public number", p.publicNumber());
    add(fields, "类别 Type", p.type().label());
    add(fields, "标题 Title", p.title());
    add(fields, "产品类别 Product kind", p.productKindName());
    add(fields, "产品名称 Product", p.productName());
    add(fields, "零部件 Component", p.componentName());
    add(fields, "商标 Brand", p.brand());
    add(fields, "型号规格 Model", p.model());
    add(fields, "批号 Batch", p.batchNumber());
    add(fields, "生产日期 Production date", p.productionDate() == null ? null : p.productionDate().toString());
    add(fields, p.componentName() == null ? "企业 Enterprise" : "供应商 Supplier", p.enterpriseName());
    add(fields, "统一社会信用代码 USCC", p.enterpriseUscc());
    add(fields, "区 District", p.districtName());
    add(fields, "不合格项目 Failed items", p.failedItems());
    add(fields, "危害 Hazard", p.hazard());
    add(fields, "措施 Measures", p.measures());
    add(fields, "采取措施单位 Measures taken by", p.measuresBy());
    return fields;
  }

  static String markdown(Publication p) {
    StringBuilder text = new StringBuilder();
    for (String[] field : fields(p)) {
      text.append("**").append(field[0]).append("：** ").append(literal(field[1]).replace("\n", "  \n")).append("  \n");
    }
    return text.toString();
  }

  static String plain(Publication p) {
    StringBuilder text = new StringBuilder();
    for (String[] field : fields(p)) {
      text.append(field[0]).append(": ").append(field[1]).append('\n');
    }
    return text.toString();
  }

  /** Markdown's special characters escaped, so a product name cannot turn into a link or markup. */
  public static String literal(String text) {
    return text.replaceAll("([\\\\`*_\\[\\]{}()#+\\-.!|>~<&])", "\\\\$1");
  }

  private static void add(List<String[]> fields, String label, String value) {
    if (value != null && !value.isBlank()) {
      fields.add(new String[] {label, value});
    }
  }
}
