package org.riskmonitor.officialdocument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * Lays an official document out on A4 pages: the title centred in bold, the English title and the
 * document number under it, the paragraphs wrapped to the text width (Chinese wraps at any
 * character, English at spaces), the issuer and the issue date at the right, and page numbers when
 * it runs to more than one page. The font is Noto Sans SC from the application's own resources,
 * embedded as a subset, so the file reads the same on any machine.
 */
@Component
public class PdfLayout {

  private static final float MARGIN = 72;
  private static final float BODY_SIZE = 12;
  private static final float TITLE_SIZE = 20;
  private static final float LEADING = 1.7f;
  /** Punctuation that may not start a line: it stays at the end of the line before, past the margin. */
  private static final String NO_LINE_START = "，。、；：？！）》〕」』”’%,.;:?!)]";
  /** Shown for a character the font lacks (a rare name character, an emoji), rather than failing the document. */
  private static final String MISSING = "□";

  private final byte[] regular;
  private final byte[] bold;
  private final CmapLookup glyphs;

  public PdfLayout() {
    this.regular = resource("/fonts/NotoSansSC-Regular.ttf");
    this.bold = resource("/fonts/NotoSansSC-Bold.ttf");
    try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(regular))) {
      this.glyphs = font.getUnicodeCmapLookup();
    } catch (IOException e) {
      throw new UncheckedIOException("the bundled font cannot be read", e);
    }
  }

  /** What a document says, in the order it is laid out. */
  public record Content(String title, String englishTitle, String number, List<String> paragraphs,
                        List<String> signature) {
  }

  public byte[] render(Content content) {
    try (PDDocument document = new PDDocument()) {
      document.getDocumentInformation().setTitle(content.title() + " " + content.number());
      PDFont plain = regular(document);
      PDFont heavy = bold(document);
      Writer writer = new Writer(document, plain);
      writer.centred(heavy, TITLE_SIZE, content.title());
      writer.centred(plain, BODY_SIZE, content.englishTitle());
      writer.centred(plain, BODY_SIZE, content.number());
      writer.skip(BODY_SIZE);
      boolean salutation = true;
      for (String paragraph : content.paragraphs()) {
        // the first line names the addressee and is not indented; the others start two characters in
        writer.paragraph(safe(paragraph), salutation ? 0 : 2 * BODY_SIZE);
        salutation = false;
      }
      writer.skip(2 * BODY_SIZE);
      for (String line : content.signature()) {
        writer.right(plain, BODY_SIZE, safe(line));
      }
      writer.close();
      numberPages(document, plain);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("the document could not be laid out", e);
    }
  }

  /** The bundled regular font, embedded in the document as a subset of the characters it shows. */
  public PDFont regular(PDDocument document) throws IOException {
    return load(document, regular);
  }

  /** The bundled bold font, embedded as a subset. */
  public PDFont bold(PDDocument document) throws IOException {
    return load(document, bold);
  }

  /**
   * Without the font's glyph substitutions: PDFBox would set Latin text with its ligatures (fi),
   * glyphs no character maps back to, and a reader's search, copy or text extraction would lose
   * those letters ("Key figures" read as "Key gures"). The font is parsed from memory and read
   * again when the document is saved, so it is left to the garbage collector, not closed here.
   */
  private static PDFont load(PDDocument document, byte[] font) throws IOException {
    TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(font));
    parsed.setEnableGsub(false);
    return PDType0Font.load(document, parsed, true);
  }

  /** The text as the font can show it: tabs as spaces, control characters dropped, a character it lacks as □. */
  public String safe(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (c == '\t') {
        out.append(' ');
      } else if (Character.isISOControl(c)) {
        return;
      } else if (c == ' ' || glyphs.getGlyphId(c) != 0) {
        out.appendCodePoint(c);
      } else {
        out.append(MISSING);
      }
    });
    return out.toString();
  }

  /** Numbers the pages at the foot, in Chinese and English, when there is more than one. */
  public static void numberPages(PDDocument document, PDFont font) throws IOException {
    int pages = document.getNumberOfPages();
    if (pages < 2) {
      return;
    }
    for (int i = 0; i < pages; i++) {
      PDPage page = document.getPage(i);
      String text = "第 " + (i + 1) + " 页 共 " + pages + " 页 Page " + (i + 1) + " of " + pages;
      float width = width(font, 10, text);
      try (PDPageContentStream stream = new PDPageContentStream(document, page,
          PDPageContentStream.AppendMode.APPEND, true, true)) {
        stream.beginText();
        stream.setFont(font, 10);
        stream.newLineAtOffset((page.getMediaBox().getWidth() - width) / 2, MARGIN / 2);
        stream.showText(text);
        stream.endText();
      }
    }
  }

  public static float width(PDFont font, float size, String text) {
    try {
      return font.getStringWidth(text) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines of text, top to bottom, starting a new page when the current one is full. */
  private static final class Writer {
    private final PDDocument document;
    private final PDFont body;
    private final float textWidth = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private PDPageContentStream stream;
    private float y;

    Writer(PDDocument document, PDFont body) throws IOException {
      this.document = document;
      this.body = body;
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

    private void line(PDFont font, float size, float x, String text) throws IOException {
      if (y - size * LEADING < MARGIN) {
        newPage();
      }
      y -= size * LEADING;
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(x, y);
      stream.showText(text);
      stream.endText();
    }

    void skip(float height) {
      y -= height;
    }

    void centred(PDFont font, float size, String text) throws IOException {
      for (String line : wrap(font, size, text, textWidth, 0)) {
        line(font, size, MARGIN + (textWidth - width(font, size, line)) / 2, line);
      }
    }

    void right(PDFont font, float size, String text) throws IOException {
      line(font, size, MARGIN + textWidth - width(font, size, text), text);
    }

    void paragraph(String text, float indent) throws IOException {
      List<String> lines = wrap(body, BODY_SIZE, text, textWidth, indent);
      for (int i = 0; i < lines.size(); i++) {
        line(body, BODY_SIZE, MARGIN + (i == 0 ? indent : 0), lines.get(i));
      }
    }

    void close() throws IOException {
      stream.close();
    }
  }

  /**
   * Breaks text into lines no wider than the width (the first line is shorter by the indent): a run
   * of Latin text between spaces (a word, a number with its unit: 2.5mm², 1.83Ω/km) is kept whole
   * where it fits; after any Chinese character or full-width punctuation a line may end.
   */
  public static List<String> wrap(PDFont font, float size, String text, float width, float indent) {
    List<String> units = units(text);
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    float room = width - indent;
    for (String unit : units) {
      if (line.isEmpty() && unit.isBlank() && !lines.isEmpty()) {
        continue;
      }
      String candidate = line + unit;
      boolean hangs = unit.length() == 1 && NO_LINE_START.contains(unit);
      if (width(font, size, candidate) <= room || line.isEmpty() || hangs) {
        if (line.isEmpty() && width(font, size, unit) > room) {
          // a word longer than the line is cut where it reaches the margin
          for (int i = 0; i < unit.length(); i++) {
            String next = line.toString() + unit.charAt(i);
            if (width(font, size, next) > room && !line.isEmpty()) {
              lines.add(line.toString());
              line.setLength(0);
              room = width;
            }
            line.append(unit.charAt(i));
          }
        } else {
          line.append(unit);
        }
      } else {
        lines.add(line.toString().stripTrailing());
        line.setLength(0);
        room = width;
        if (!unit.isBlank()) {
          line.append(unit);
        }
      }
    }
    if (!line.isEmpty() || lines.isEmpty()) {
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  private static List<String> units(String text) {
    List<String> units = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (c < 0x2E80 && !Character.isWhitespace(c)) {
        word.appendCodePoint(c);
      } else {
        if (!word.isEmpty()) {
          units.add(word.toString());
          word.setLength(0);
        }
        units.add(new String(Character.toChars(c)));
      }
    });
    if (!word.isEmpty()) {
      units.add(word.toString());
    }
    return units;
  }

  private static byte[] resource(String path) {
    try (InputStream in = PdfLayout.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the application");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
