package org.riskmonitor.programmereport;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.riskmonitor.analytics.Breakdown;
import org.riskmonitor.analytics.Dashboard;
import org.riskmonitor.analytics.Dimension;
import org.riskmonitor.analytics.LevelCount;
import org.riskmonitor.analytics.ProgrammeFigures;
import org.riskmonitor.officialdocument.PdfLayout;
import org.riskmonitor.risk.RiskLevel;
import org.springframework.stereotype.Component;

/**
 * Lays the programme report out on A4 pages: title, period and filter, a summary in the words the
 * programme reports its year with, the key figures, nonconformity by product kind, assistance by
 * cluster, the monthly trend and the risk levels as bar charts drawn as vector graphics, and the red
 * and black lists. Font, text wrapping and page numbers are the official documents' ({@link PdfLayout}).
 */
@Component
public class ProgrammeReportPdf {

  static final String TITLE = "产品质量安全风险监测工作报告";
  static final String ENGLISH_TITLE = "Product quality safety risk monitoring programme report";
  /** More product kinds than this would make the chart's bars too thin to read; the table lists them all. */
  static final int CHART_KINDS = 15;
  /** A longer period's trend shows only the months with cases, not every month. */
  private static final int TREND_MONTHS = 24;

  private static final float MARGIN = 56;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
  private static final float BODY = 10.5f;
  private static final float CELL = 9;
  private static final float LEADING = 1.6f;
  private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
  private static final DateTimeFormatter ENGLISH_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter CLOSED = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final Color TESTED = new Color(0x5B, 0x8F, 0xB9);
  private static final Color NONCONFORMING = new Color(0xC8, 0x3C, 0x32);
  private static final Color OPENED = new Color(0x3A, 0x6E, 0xA5);
  private static final Color CLOSED_COLOUR = new Color(0x4E, 0x9A, 0x5B);
  private static final Color CASES = new Color(0xD9, 0x8B, 0x2B);
  private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
  private static final Color HEADER = new Color(0xEE, 0xEE, 0xEE);
  private static final Color RULE = new Color(0x99, 0x99, 0x99);

  private final PdfLayout layout;

  public ProgrammeReportPdf(PdfLayout layout) {
    this.layout = layout;
  }

  /** A column of a table: its heading, its share of the text width, and whether it holds numbers (right-aligned). */
  record Column(String heading, float share, boolean numeric) {
  }

  /** A series of a bar chart: one value per category. */
  record Series(String name, Color colour, List<Long> values) {
  }

  /** A bar chart: categories along the axis, one bar of each series per category; the unit says what is counted. */
  record Chart(String title, String unit, List<String> categories, List<Series> series) {
  }

  public byte[] render(ProgrammeReport.Content content) {
    try (PDDocument document = new PDDocument()) {
      document.getDocumentInformation().setTitle(TITLE + " " + content.period());
      Sheet sheet = new Sheet(document, layout.regular(document), layout.bold(document));
      write(sheet, content);
      sheet.close();
      PdfLayout.numberPages(document, sheet.plain);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("the programme report could not be laid out", e);
    }
  }

  private void write(Sheet sheet, ProgrammeReport.Content c) throws IOException {
    ProgrammeFigures f = c.view().figures();
    sheet.centred(sheet.bold, 18, TITLE);
    sheet.centred(sheet.plain, 12, ENGLISH_TITLE);
    sheet.skip(4);
    sheet.centred(sheet.plain, 12, c.period());
    sheet.centred(sheet.plain, BODY, c.from().format(ENGLISH_DAY) + " to " + c.lastDay().format(ENGLISH_DAY));
    if (!c.filter().isEmpty()) {
      sheet.centred(sheet.plain, BODY, "筛选条件 Filter：" + String.join("；", c.filter()));
    }
    sheet.centred(sheet.plain, CELL, "生成时间 Generated at：" + c.generatedAt().format(GENERATED) + "（"
        + c.generatedAt().getZone().getId() + "）");

    sheet.heading("一、总体情况 Summary");
    sheet.paragraph(summary(c, f));
    sheet.paragraph(englishSummary(c, f));

    sheet.heading("二、主要指标 Key figures");
    sheet.table(List.of(new Column("指标 Figure", 0.72f, false), new Column("数值 Value", 0.28f, true)), List.of(
        List.of("监测产品种类（种） Product kinds monitored", n(f.productKinds())),
        List.of("监测批次（批） Batches sampled", n(f.batchesSampled())),
        List.of("检验批次（批） Batches tested", n(f.batchesTested())),
        List.of("不合格批次（批） Batches nonconforming", n(f.batchesNonconforming())),
        List.of("不合格率 Nonconformity rate", percent(f.nonconformityRate())),
        List.of("出动技术专家（人次） Expert person-visits", n(f.expertVisits())),
        List.of("技术培训会（场） Training meetings", n(c.meetings("TRAINING"))),
        List.of("质量分析会（场） Quality-analysis meetings", n(c.meetings("QUALITY_ANALYSIS"))),
        List.of("培训会和质量分析会合计（场） Meetings in all", n(f.meetingsHeld())),
        List.of("帮扶产业集群（个） Industrial clusters assisted", n(f.clustersAssisted())),
        List.of("帮扶企业（家） Enterprises assisted", n(f.enterprisesAssisted())),
        List.of("发现问题（个） Problems found", n(f.problemsFound())),
        List.of("解决问题（个） Problems solved", n(f.problemsSolved())),
        List.of("结案（件） Cases closed", n(f.casesClosed())),
        List.of("列入红榜（家次） Red-list entries", n(f.redListed())),
        List.of("列入黑榜（家次） Black-list entries", n(f.blackListed()))));

    sheet.heading("三、按产品种类的不合格情况 Nonconformity by product kind");
    List<Breakdown> kinds = c.view().breakdowns().get(Dimension.PRODUCT_KIND).stream()
        .filter(b -> b.batchesSampled() > 0 || b.batchesTested() > 0)
        .sorted(Comparator.comparingLong(Breakdown::batchesNonconforming).reversed()
            .thenComparing(Comparator.comparingLong(Breakdown::batchesTested).reversed()))
        .toList();
    if (kinds.isEmpty()) {
      sheet.paragraph("本期无监测批次。 No batches were sampled or tested in the period.");
    } else {
      sheet.table(List.of(new Column("产品种类 Product kind", 0.36f, false), new Column("监测批次 Sampled", 0.16f, true),
          new Column("检验批次 Tested", 0.16f, true), new Column("不合格批次 Nonconforming", 0.16f, true),
          new Column("不合格率 Rate", 0.16f, true)), kinds.stream().map(b -> List.of(b.name(), n(b.batchesSampled()),
              n(b.batchesTested()), n(b.batchesNonconforming()), percent(b.nonconformityRate()))).toList());
      List<Breakdown> charted = kinds.stream().filter(b -> b.batchesTested() > 0).limit(CHART_KINDS).toList();
      if (!charted.isEmpty()) {
        sheet.chart(new Chart("图1 按产品种类的检验与不合格批次 Figure 1 Tested and nonconforming batches by product kind"
            + (kinds.size() > CHART_KINDS ? "（不合格最多的" + CHART_KINDS + "种 the " + CHART_KINDS + " kinds with most）" : ""),
            "批次 batches", charted.stream().map(Breakdown::name).toList(), List.of(
                new Series("检验批次 Tested", TESTED, charted.stream().map(Breakdown::batchesTested).toList()),
                new Series("不合格批次 Nonconforming", NONCONFORMING,
                    charted.stream().map(Breakdown::batchesNonconforming).toList()))));
      }
    }

    sheet.heading("四、按产业集群的帮扶情况 Assistance by industrial cluster");
    List<Breakdown> clusters = c.view().breakdowns().get(Dimension.CLUSTER).stream()
        .filter(b -> b.expertVisits() > 0 || b.problemsFound() > 0 || b.problemsSolved() > 0).toList();
    if (clusters.isEmpty()) {
      sheet.paragraph("本期无帮扶。 No enterprise was assisted in the period.");
    } else {
      sheet.table(List.of(new Column("产业集群 Industrial cluster", 0.40f, false),
          new Column("专家帮扶（人次） Expert visits", 0.20f, true), new Column("发现问题 Problems found", 0.20f, true),
          new Column("解决问题 Problems solved", 0.20f, true)), clusters.stream().map(b -> List.of(
              "-".equals(b.code()) ? "未归属产业集群 No cluster" : b.name(), n(b.expertVisits()), n(b.problemsFound()),
              n(b.problemsSolved()))).toList());
    }

    sheet.heading("五、月度趋势 Monthly trend");
    List<Dashboard.MonthRow> months = months(c);
    if (months.isEmpty()) {
      sheet.paragraph("本期无立案或结案。 No case was opened or closed in the period.");
    } else {
      sheet.chart(new Chart("图2 每月立案与结案 Figure 2 Cases opened and closed by month", "件 cases",
          months.stream().map(Dashboard.MonthRow::month).toList(), List.of(
              new Series("立案 Opened", OPENED, months.stream().map(Dashboard.MonthRow::opened).toList()),
              new Series("结案 Closed", CLOSED_COLOUR, months.stream().map(Dashboard.MonthRow::closed).toList()))));
    }

    sheet.heading("六、风险等级 Risk levels");
    Map<String, Long> levels = c.view().riskLevels().stream()
        .collect(Collectors.toMap(LevelCount::riskLevel, LevelCount::cases));
    sheet.chart(new Chart("图3 本期立案案件的风险等级 Figure 3 Risk levels of the cases opened in the period", "件 cases",
        Arrays.stream(RiskLevel.values()).map(RiskLevel::label).toList(), List.of(new Series("案件 Cases", CASES,
            Arrays.stream(RiskLevel.values()).map(l -> levels.getOrDefault(l.name(), 0L)).toList()))));

    listSection(sheet, "七、红榜 Red list", c.redList());
    listSection(sheet, "八、黑榜 Black list", c.blackList());
  }

  private static String summary(ProgrammeReport.Content c, ProgrammeFigures f) {
    return c.period() + (c.filter().isEmpty() ? "" : "，在所选范围内") + "，对" + f.productKinds() + "种" + f.batchesSampled()
        + "个批次产品开展质量安全风险监测，完成检验" + f.batchesTested() + "批次，发现不合格" + f.batchesNonconforming()
        + "批次，不合格率" + percent(f.nonconformityRate()) + "；出动技术专家" + f.expertVisits() + "人次，召开技术培训会和质量分析会"
        + f.meetingsHeld() + "场（技术培训会" + c.meetings("TRAINING") + "场、质量分析会" + c.meetings("QUALITY_ANALYSIS")
        + "场），帮扶产业集群" + f.clustersAssisted() + "个、企业" + f.enterprisesAssisted() + "家，帮助查找质量问题"
        + f.problemsFound() + "个、解决质量问题" + f.problemsSolved() + "个；结案" + f.casesClosed() + "件，列入红榜"
        + f.redListed() + "家次、黑榜" + f.blackListed() + "家次。";
  }

  private static String englishSummary(ProgrammeReport.Content c, ProgrammeFigures f) {
    return "From " + c.from().format(ENGLISH_DAY) + " to " + c.lastDay().format(ENGLISH_DAY)
        + (c.filter().isEmpty() ? "" : ", within the filter") + ", " + f.batchesSampled() + " batches of "
        + f.productKinds() + " product kinds were monitored; " + f.batchesTested() + " batches were tested and "
        + f.batchesNonconforming() + " found nonconforming (" + percent(f.nonconformityRate()) + "). Experts made "
        + f.expertVisits() + " person-visits and held " + f.meetingsHeld() + " training and quality-analysis meetings ("
        + c.meetings("TRAINING") + " training, " + c.meetings("QUALITY_ANALYSIS") + " quality analysis), assisting "
        + f.clustersAssisted() + " industrial clusters and " + f.enterprisesAssisted() + " enterprises; "
        + f.problemsFound() + " quality problems were found and " + f.problemsSolved() + " solved. "
        + f.casesClosed() + " cases were closed, with " + f.redListed() + " red-list and " + f.blackListed()
        + " black-list entries.";
  }

  /** Every month of the period, those without cases as zero; a period longer than two years only its months with cases. */
  private static List<Dashboard.MonthRow> months(ProgrammeReport.Content c) {
    List<Dashboard.MonthRow> rows = c.view().months();
    YearMonth first = YearMonth.from(c.from());
    YearMonth last = YearMonth.from(c.lastDay());
    if (rows.isEmpty() || first.plusMonths(TREND_MONTHS).isBefore(last)) {
      return rows;
    }
    Map<String, Dashboard.MonthRow> byMonth = rows.stream()
        .collect(Collectors.toMap(Dashboard.MonthRow::month, Function.identity()));
    List<Dashboard.MonthRow> all = new ArrayList<>();
    for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
      String key = month.toString();
      all.add(byMonth.getOrDefault(key, new Dashboard.MonthRow(key, 0, 0, null)));
    }
    return all;
  }

  private void listSection(Sheet sheet, String heading, List<ListedCase> entries) throws IOException {
    sheet.heading(heading);
    if (entries.isEmpty()) {
      sheet.paragraph("本期无。 None in the period.");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      ListedCase e = entries.get(i);
      rows.add(List.of(String.valueOf(i + 1), e.enterpriseName(), e.productKindName() + "：" + e.productName(),
          e.caseNumber(), e.closedAt().format(CLOSED)));
    }
    sheet.table(List.of(new Column("序号 No.", 0.08f, true), new Column("企业 Enterprise", 0.34f, false),
        new Column("产品 Product", 0.25f, false), new Column("案件编号 Case", 0.18f, false),
        new Column("结案日期 Closed", 0.15f, false)), rows);
    if (entries.size() == ProgrammeReport.LIST_LIMIT) {
      sheet.paragraph("仅列出前" + ProgrammeReport.LIST_LIMIT + "条。 Only the first " + ProgrammeReport.LIST_LIMIT
          + " entries are listed.");
    }
  }

  private static String n(long value) {
    return String.valueOf(value);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  /** The pages being written, top to bottom: a new page starts when what comes next does not fit. */
  private final class Sheet {
    private final PDDocument document;
    private final PDFont plain;
    private final PDFont bold;
    private PDPageContentStream stream;
    private float y;

    Sheet(PDDocument document, PDFont plain, PDFont bold) throws IOException {
      this.document = document;
      this.plain = plain;
      this.bold = bold;
      newPage();
    }

    private void newPage() throws IOException {
      if (stream != null) {
        stream.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      stream = new PDPageContentStream(document, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void room(float height) throws IOException {
      if (y - height < MARGIN) {
        newPage();
      }
    }

    void skip(float height) {
      y -= height;
    }

    void close() throws IOException {
      stream.close();
    }

    private void text(PDFont font, float size, float x, float baseline, String text) throws IOException {
      stream.setNonStrokingColor(Color.BLACK);
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(x, baseline);
      stream.showText(text);
      stream.endText();
    }

    void centred(PDFont font, float size, String text) throws IOException {
      for (String line : PdfLayout.wrap(font, size, layout.safe(text), WIDTH, 0)) {
        room(size * LEADING);
        y -= size * LEADING;
        text(font, size, MARGIN + (WIDTH - PdfLayout.width(font, size, line)) / 2, y, line);
      }
    }

    /** A section heading, kept on the page with at least a few lines of what follows it. */
    void heading(String text) throws IOException {
      room(12 * LEADING + 6 * BODY * LEADING);
      y -= 8;
      y -= 12 * LEADING;
      text(bold, 12, MARGIN, y, layout.safe(text));
    }

    /** A paragraph indented two characters, wrapped as the official documents are. */
    void paragraph(String text) throws IOException {
      List<String> lines = PdfLayout.wrap(plain, BODY, layout.safe(text), WIDTH, 2 * BODY);
      for (int i = 0; i < lines.size(); i++) {
        room(BODY * LEADING);
        y -= BODY * LEADING;
        text(plain, BODY, MARGIN + (i == 0 ? 2 * BODY : 0), y, lines.get(i));
      }
    }

    /** A table with ruled cells; its heading row is repeated on each page it runs onto. */
    void table(List<Column> columns, List<List<String>> rows) throws IOException {
      y -= 4;
      List<String> headings = columns.stream().map(Column::heading).toList();
      room(rowHeight(columns, headings, bold) + rowHeight(columns, rows.get(0), plain));
      row(columns, headings, bold, true);
      for (List<String> row : rows) {
        if (y - rowHeight(columns, row, plain) < MARGIN) {
          newPage();
          row(columns, headings, bold, true);
        }
        row(columns, row, plain, false);
      }
    }

    private float rowHeight(List<Column> columns, List<String> cells, PDFont font) {
      int lines = 1;
      for (int i = 0; i < columns.size(); i++) {
        lines = Math.max(lines, cellLines(columns.get(i), cells.get(i), font).size());
      }
      return lines * CELL * 1.4f + 6;
    }

    private List<String> cellLines(Column column, String text, PDFont font) {
      return PdfLayout.wrap(font, CELL, layout.safe(text), column.share() * WIDTH - 6, 0);
    }

    private void row(List<Column> columns, List<String> cells, PDFont font, boolean heading) throws IOException {
      float height = rowHeight(columns, cells, font);
      float x = MARGIN;
      for (int i = 0; i < columns.size(); i++) {
        Column column = columns.get(i);
        float width = column.share() * WIDTH;
        if (heading) {
          stream.setNonStrokingColor(HEADER);
          stream.addRect(x, y - height, width, height);
          stream.fill();
        }
        stream.setStrokingColor(RULE);
        stream.setLineWidth(0.5f);
        stream.addRect(x, y - height, width, height);
        stream.stroke();
        float baseline = y - 3 - CELL;
        for (String line : cellLines(column, cells.get(i), font)) {
          float lineX = column.numeric() && !heading ? x + width - 3 - PdfLayout.width(font, CELL, line) : x + 3;
          text(font, CELL, lineX, baseline, line);
          baseline -= CELL * 1.4f;
        }
        x += width;
      }
      y -= height;
    }

    /**
     * A bar chart: a y axis from zero with round steps and its unit, a light grid, a bar for each
     * series and category with its value above it, the categories under the axis and a legend.
     */
    void chart(Chart chart) throws IOException {
      float plotHeight = 130;
      room(22 + 16 + 14 + plotHeight + 30);
      y -= 8;
      y -= 14;
      text(bold, BODY, MARGIN, y, layout.safe(chart.title()));
      y -= 16;
      String unit = "单位 Unit：" + chart.unit();
      text(plain, 8, MARGIN, y, unit);
      float legendX = MARGIN + PdfLayout.width(plain, 8, unit) + 24;
      for (Series series : chart.series()) {
        stream.setNonStrokingColor(series.colour());
        stream.addRect(legendX, y - 1, 8, 8);
        stream.fill();
        text(plain, 8, legendX + 11, y, series.name());
        legendX += 11 + PdfLayout.width(plain, 8, series.name()) + 16;
      }
      // room above the highest bar for its value under the legend
      float top = y - 14;
      float bottom = top - plotHeight;
      float left = MARGIN + 32;
      float right = MARGIN + WIDTH;
      long max = chart.series().stream().flatMap(s -> s.values().stream()).mapToLong(Long::longValue).max().orElse(0);
      long step = step(max);
      long axisMax = Math.max(step, (max + step - 1) / step * step);
      stream.setLineWidth(0.5f);
      for (long value = 0; value <= axisMax; value += step) {
        float at = bottom + plotHeight * value / axisMax;
        stream.setStrokingColor(GRID);
        stream.moveTo(left, at);
        stream.lineTo(right, at);
        stream.stroke();
        String label = String.valueOf(value);
        text(plain, 7, left - 4 - PdfLayout.width(plain, 7, label), at - 2.5f, label);
      }
      stream.setStrokingColor(Color.BLACK);
      stream.setLineWidth(0.8f);
      stream.moveTo(left, top);
      stream.lineTo(left, bottom);
      stream.lineTo(right, bottom);
      stream.stroke();
      int categories = chart.categories().size();
      float slot = (right - left) / categories;
      // a bar no wider than a thumb, however few the categories
      float group = Math.min(slot * 0.7f, chart.series().size() * 36f);
      float bar = group / chart.series().size();
      for (int c = 0; c < categories; c++) {
        float x = left + slot * c + (slot - group) / 2;
        for (int s = 0; s < chart.series().size(); s++) {
          Series series = chart.series().get(s);
          long value = series.values().get(c);
          float height = plotHeight * value / axisMax;
          float barX = x + s * bar;
          if (value > 0) {
            stream.setNonStrokingColor(series.colour());
            stream.addRect(barX + 0.5f, bottom, bar - 1, height);
            stream.fill();
          }
          String label = String.valueOf(value);
          float labelSize = Math.min(7, Math.max(4, bar * 0.8f));
          text(plain, labelSize, barX + (bar - PdfLayout.width(plain, labelSize, label)) / 2, bottom + height + 2, label);
        }
        List<String> lines = PdfLayout.wrap(plain, 7, layout.safe(chart.categories().get(c)), slot - 2, 0);
        float baseline = bottom - 9;
        for (String line : lines.subList(0, Math.min(2, lines.size()))) {
          text(plain, 7, left + slot * c + (slot - PdfLayout.width(plain, 7, line)) / 2, baseline, line);
          baseline -= 8;
        }
      }
      y = bottom - 30;
    }
  }

  /** A round step for the y axis (1, 2 or 5 times a power of ten) giving about five gridlines. */
  static long step(long max) {
    if (max <= 5) {
      return 1;
    }
    double raw = max / 5.0;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    for (int multiple : new int[] {1, 2, 5, 10}) {
      if (multiple * magnitude >= raw) {
        return Math.round(multiple * magnitude);
      }
    }
    return Math.round(10 * magnitude);
  }
}
