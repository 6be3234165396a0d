package org.riskmonitor.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.util.unit.DataSize;

/** File names, file types and size limits, decided without the application. */
class FileRulesTest {

  @Test
  void pathPartsAndQuotesAreDropped_controlCharactersAreFound() {
    assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
    assertThat(FileNames.sanitise("C:\\Users\\李明\\检验报告.pdf")).isEqualTo("检验报告.pdf");
    assertThat(FileNames.sanitise("a\"b\".pdf")).isEqualTo("ab.pdf");
    for (String name : new String[] {"a\r\nb.pdf", "b\u0000.pdf", "a\tb.pdf", "a\u007fb.pdf", "report\u202Efdp.exe",
        "a\u2066b.pdf"}) {
      assertThat(FileNames.hasControlCharacters(name)).as(name).isTrue();
    }
    assertThat(FileNames.hasControlCharacters("检验报告 2026（终版）😀.pdf")).isFalse();
    assertThat(FileNames.hasControlCharacters(null)).isFalse();
    assertThat(FileNames.sanitise("..")).isEmpty();
    assertThat(FileNames.sanitise(null)).isEmpty();
  }

  @Test
  void longNamesAreCutTo255CharactersKeepingTheExtension() {
    String name = FileNames.sanitise("报".repeat(300) + ".pdf");

    assertThat(name.codePointCount(0, name.length())).isEqualTo(255);
    assertThat(name).endsWith("报.pdf");
    String emoji = FileNames.sanitise("😀".repeat(300) + ".png");
    assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(255);
    assertThat(emoji).endsWith("😀.png");
  }

  @Test
  void typesAreRecognisedByTheirFirstBytes_andTheNameMustAgree() {
    assertThat(FileType.of("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isEqualTo(FileType.PDF);
    assertThat(FileType.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00})).isEqualTo(FileType.JPEG);
    assertThat(FileType.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})).isEqualTo(FileType.PNG);
    assertThat(FileType.of("MZ\u0090".getBytes(StandardCharsets.ISO_8859_1))).isNull();
    assertThat(FileType.of("%PDF".getBytes(StandardCharsets.US_ASCII))).isNull();
    assertThat(FileType.of(new byte[0])).isNull();
    assertThat(FileType.PDF.matchesName("Report.PDF")).isTrue();
    assertThat(FileType.JPEG.matchesName("seal.jpeg")).isTrue();
    assertThat(FileType.PDF.matchesName("report.pdf.exe")).isFalse();
    assertThat(FileType.PDF.matchesName("pdf")).isFalse();
  }

  @Test
  void theLimitReadsAsPeopleWriteIt() {
    assertThat(new DocumentLimits(DataSize.ofMegabytes(20)).maxSizeText()).isEqualTo("20MB");
    assertThat(new DocumentLimits(DataSize.ofKilobytes(1536)).maxSizeText()).isEqualTo("1536KB");
  }

  @Test
  void theApplicationDoesNotStartWhenSpringsMultipartLimitIsNotAboveOurs() {
    DocumentLimits limits = new DocumentLimits(DataSize.ofMegabytes(20));
    MultipartProperties tooSmall = new MultipartProperties();
    tooSmall.setMaxFileSize(DataSize.ofMegabytes(20));
    tooSmall.setMaxRequestSize(DataSize.ofMegabytes(21));
    MultipartProperties above = new MultipartProperties();
    above.setMaxFileSize(DataSize.ofMegabytes(40));
    above.setMaxRequestSize(DataSize.ofMegabytes(41));

    assertThatIllegalStateException().isThrownBy(() -> new UploadLimitCheck(limits, provider(tooSmall)))
        .withMessageContaining("riskmonitor.documents.max-size (20MB)");
    assertThatNoException().isThrownBy(() -> new UploadLimitCheck(limits, provider(above)));
  }

  private static ObjectProvider<MultipartProperties> provider(MultipartProperties p) {
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    beans.registerSingleton("multipart", p);
    return beans.getBeanProvider(MultipartProperties.class);
  }
}
