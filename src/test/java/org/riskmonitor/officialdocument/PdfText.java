package org.riskmonitor.officialdocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

/** A generated PDF read back as a reader's PDF tool would: its text and the fonts its pages use. */
public final class PdfText {

  private PdfText() {
  }

  /** The text of every page. */
  public static String of(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text without its white space: a value the layout wrapped onto two lines is found whole
   * (compare with {@link #squeezed(String)} of what is looked for).
   */
  public static String squeezedOf(byte[] pdf) {
    return squeezed(of(pdf));
  }

  public static String squeezed(String text) {
    return text.replaceAll("\\s+", "");
  }

  /** Every font used on the document's pages. */
  public static List<PDFont> fonts(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<PDFont> fonts = new ArrayList<>();
      for (PDPage page : document.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          fonts.add(page.getResources().getFont(name));
        }
      }
      return fonts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static int pages(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getNumberOfPages();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
