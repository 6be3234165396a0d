package org.riskmonitor.programmereport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.officialdocument.PdfText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Three cases walked in October 2036, a month no other test opens cases in: a cable case remediated
 * (red list), an e-bike case announced after failing re-inspection (black list) and a conforming
 * power bank. The manager downloads the month's programme report and reads it back.
 */
class ProgrammeReportTest extends RiskMonitorTest {

  private static final String OCTOBER = "from=2036-10-01&to=2036-11-01";
  private static final String REPORT = "/dashboard/programme-report.pdf";

  @Autowired
  private CaseWalker walker;

  @Autowired
  private TestRestTemplate rest;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void theManagerDownloadsTheMonthsFiguresChartsAndLists() {
    ClockUtil.setCurrentTime(at(LocalDateTime.of(2036, 10, 13, 9, 30)));
    List<String> cableMaker = DemoPeople.ENTERPRISES.get(1);
    List<String> bikeMaker = DemoPeople.ENTERPRISES.get(0);
    String cable = walker.open(cableMaker.get(0), "WIRE_CABLE", "电线").getBusinessKey();
    walker.finish(cable, Route.remediated());
    String bike = walker.open(bikeMaker.get(0), "E_BIKE", "电动自行车").getBusinessKey();
    walker.finish(bike, Route.remediated().with(r -> r.reinspectionPasses = false));
    String battery = walker.open(DemoPeople.ENTERPRISES.get(2).get(0), "PORTABLE_LI_BATTERY", "充电宝").getBusinessKey();
    walker.finish(battery, Route.allItemsPass());

    ResponseEntity<byte[]> response = get("manager", REPORT + "?" + OCTOBER);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType()).hasToString("application/pdf");
    assertThat(response.getHeaders().getFirst("Content-Disposition"))
        .isEqualTo("attachment; filename=\"programme-report-2036-10-01-2036-10-31.pdf\"");
    byte[] pdf = response.getBody();
    String text = PdfText.squeezedOf(pdf);

    assertThat(text).contains("产品质量安全风险监测工作报告", "2036年10月1日至2036年10月31日", "生成时间",
        "2036年10月13日09:30（Asia/Shanghai）");
    // the summary in the programme's words
    assertThat(text).contains("对3种3个批次产品开展质量安全风险监测", "完成检验3批次，发现不合格2批次",
        "出动技术专家4人次", "召开技术培训会和质量分析会2场（技术培训会0场、质量分析会2场）",
        "帮扶产业集群2个、企业2家", "帮助查找质量问题4个、解决质量问题4个", "列入红榜2家次、黑榜1家次");
    // the key figures table, each figure beside its value; English read back whole (no ligature lost its letters)
    assertThat(text).contains("二、主要指标Keyfigures", "监测批次（批）Batchessampled3", "不合格批次（批）Batchesnonconforming2",
        "出动技术专家（人次）Expertperson-visits4", "质量分析会（场）Quality-analysismeetings2",
        "发现问题（个）Problemsfound4", "解决问题（个）Problemssolved4");
    // nonconformity by the walked kinds: sampled, tested, nonconforming, rate
    assertThat(text).contains("电动自行车111100.0%", "电线电缆111100.0%", "便携式锂离子电池1100.0%");
    // the charts: titles, axis units and legends drawn beside the bars
    assertThat(text).contains("图1按产品种类的检验与不合格批次", "图2每月立案与结案", "图3本期立案案件的风险等级",
        "单位Unit：批次batches", "不合格批次Nonconforming", "2036-10");
    assertThat(filledRectangles(pdf)).as("bars and table headings drawn").isGreaterThan(20);
    // the lists: the remediated cable maker on the red list, the announced e-bike maker on the black list
    String red = text.substring(text.indexOf("七、红榜"), text.indexOf("八、黑榜"));
    String black = text.substring(text.indexOf("八、黑榜"));
    assertThat(red).contains(cableMaker.get(1), PdfText.squeezed(cable), "2036-10-13").doesNotContain(bikeMaker.get(1));
    assertThat(black).contains(bikeMaker.get(1), "电动自行车：电动自行车", PdfText.squeezed(bike))
        .doesNotContain(cableMaker.get(1));
    assertThat(PdfText.pages(pdf)).isGreaterThan(1);
    assertThat(text).contains("第1页共" + PdfText.pages(pdf) + "页");

    // the dashboard's filter narrows the report and is printed on it
    String cables = PdfText.squeezedOf(get("coordinator", REPORT + "?" + OCTOBER + "&productKind=WIRE_CABLE").getBody());
    assertThat(cables).contains("筛选条件Filter：产品种类Productkind：电线电缆", "对1种1个批次产品")
        .doesNotContain(bikeMaker.get(1));

    // no dates: this year to date in the regulator's zone; a whole year is named by its number
    assertThat(get("manager", REPORT).getHeaders().getFirst("Content-Disposition"))
        .isEqualTo("attachment; filename=\"programme-report-2036-01-01-2036-10-13.pdf\"");
    ResponseEntity<byte[]> year = get("manager", REPORT + "?from=2036-01-01&to=2037-01-01");
    assertThat(year.getHeaders().getFirst("Content-Disposition"))
        .isEqualTo("attachment; filename=\"programme-report-2036.pdf\"");
    assertThat(PdfText.squeezedOf(year.getBody())).contains("2036年1月1日至2036年12月31日");
  }

  @Test
  void othersAreRefused_andBadParametersAnsweredInBothLanguages() {
    for (String user : List.of("lab1", "enterprise1", "sampler", "expert1")) {
      assertThat(get(user, REPORT).getStatusCode().value()).as(user).isEqualTo(403);
    }
    assertBad(REPORT + "?from=yesterday", "参数 from 格式不正确", "Parameter from has the wrong format");
    assertBad(REPORT + "?from=2036-11-01&to=2036-10-01", "开始日期应早于结束日期", "must be before");
    assertBad(REPORT + "?from=2036-10-01&to=2036-10-01", "开始日期应早于结束日期", "must be before");
    assertBad(REPORT + "?from=-999999999-01-01", "日期超出范围", "Date out of range");
    assertBad(REPORT + "?productKind=NO_SUCH_KIND", "参数 productKind 的取值不存在", "names nothing known");
    assertBad(REPORT + "?lab=abc", "参数格式不正确", "lab");
  }

  private void assertBad(String path, String chinese, String english) {
    ResponseEntity<String> response = rest.withBasicAuth("manager", DemoPeople.PASSWORD).getForEntity(path, String.class);
    assertThat(response.getStatusCode().value()).as(path).isEqualTo(400);
    assertThat(response.getBody()).as(path).contains(chinese, english);
  }

  private ResponseEntity<byte[]> get(String user, String path) {
    return rest.withBasicAuth(user, DemoPeople.PASSWORD).getForEntity(path, byte[].class);
  }

  /** Rectangles filled on the pages (the re and f operators): the charts' bars, legends and table headings. */
  private static long filledRectangles(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      long filled = 0;
      for (PDPage page : document.getPages()) {
        List<Object> tokens = new PDFStreamParser(page).parse();
        for (int i = 1; i < tokens.size(); i++) {
          if (tokens.get(i) instanceof Operator fill && fill.getName().equals("f")
              && tokens.get(i - 1) instanceof Operator rectangle && rectangle.getName().equals("re")) {
            filled++;
          }
        }
      }
      return filled;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Date at(LocalDateTime time) {
    return Date.from(time.atZone(ZoneId.of("Asia/Shanghai")).toInstant());
  }
}
