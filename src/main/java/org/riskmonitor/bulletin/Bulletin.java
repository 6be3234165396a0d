package org.riskmonitor.bulletin;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A bulletin on one product kind over a period: the figures drafted from the data, the expert's text, where it stands. */
public record Bulletin(Long id, String productKind, String productKindName, LocalDate periodFrom, LocalDate periodTo,
                       int batchesSampled, int batchesTested, int nonconforming, int previousTested,
                       int previousNonconforming, String failedClauses, String causes, int enterprisesAssisted,
                       int problemsFound, int problemsSolved, String analysis, String countermeasures, String status,
                       String draftedBy, LocalDateTime draftedAt, String writtenBy, String returnReason,
                       String approvedBy, LocalDateTime approvedAt, String docNumber, String pdfSha256,
                       Long publicationId) {

  /** Nonconforming batches per hundred tested, one decimal: "12.5%", or "—" when nothing was tested. */
  static String rate(int nonconforming, int tested) {
    return tested == 0 ? "—" : String.format("%.1f%%", 100.0 * nonconforming / tested);
  }

  public String rate() {
    return rate(nonconforming, batchesTested);
  }

  public String previousRate() {
    return rate(previousNonconforming, previousTested);
  }

  /** 上升 up, 下降 down or 持平 level against the period before; nothing to compare when either tested nothing. */
  public String trend() {
    if (batchesTested == 0 || previousTested == 0) {
      return "无可比数据 No earlier figures to compare";
    }
    double now = (double) nonconforming / batchesTested;
    double before = (double) previousNonconforming / previousTested;
    if (Math.abs(now - before) < 1e-9) {
      return "持平 Level";
    }
    return now > before ? "上升 Up" : "下降 Down";
  }

  /** The drafted figures as the expert, the manager and the PDF read them, one line each. */
  public String figuresText() {
    return String.join("\n",
        "产品类别 Product kind：" + productKindName,
        "期间 Period：" + periodFrom + " 至 to " + periodTo,
        "抽样批次 Batches sampled：" + batchesSampled,
        "检验批次 Batches tested：" + batchesTested + "；不合格 nonconforming：" + nonconforming,
        "不合格率 Nonconformity rate：" + rate() + "（上期 previous period " + previousRate() + "，" + trend() + "）",
        "主要不合格条款 Most-failed clauses：" + orNone(failedClauses),
        "原因分类 Causes by category：" + orNone(causes),
        "帮扶企业 Enterprises assisted：" + enterprisesAssisted,
        "发现问题 Problems found：" + problemsFound + "；已解决 solved：" + problemsSolved);
  }

  private static String orNone(String lines) {
    return lines == null || lines.isBlank() ? "无 None" : lines.replace("\n", "；");
  }
}
