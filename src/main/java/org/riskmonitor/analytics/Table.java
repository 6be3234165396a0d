package org.riskmonitor.analytics;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** A dashboard table as it is exported: bilingual headings and rows of plain values. */
public record Table(String name, List<String> headings, List<List<Object>> rows) {

  /** UTF-8 with a byte-order mark, so spreadsheet programmes read the Chinese headings right. */
  /** Sends the table as a file to download, CSV or XLSX as the format says. */
  public void sendAs(String format, String baseName, HttpServletResponse response) throws IOException {
    response.setHeader("Content-Disposition", "attachment; filename=\"" + baseName + "." + format + "\"");
    if (format.equals("csv")) {
      response.setContentType("text/csv;charset=UTF-8");
      writeCsv(response.getOutputStream());
    } else {
      response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      writeXlsx(response.getOutputStream());
    }
  }

  public void writeCsv(OutputStream out) throws IOException {
    StringBuilder csv = new StringBuilder("\uFEFF");
    csv.append(line(headings.stream().map(Object.class::cast).toList()));
    rows.forEach(row -> csv.append(line(row)));
    out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  public void writeXlsx(OutputStream out) throws IOException {
    Workbook workbook = new Workbook(out, "Risk Monitor", "1.0");
    Worksheet sheet = workbook.newWorksheet(name);
    for (int c = 0; c < headings.size(); c++) {
      sheet.value(0, c, headings.get(c));
    }
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < rows.get(r).size(); c++) {
        Object value = rows.get(r).get(c);
        if (value instanceof Number number) {
          sheet.value(r + 1, c, number);
        } else {
          sheet.value(r + 1, c, value == null ? "" : value.toString());
        }
      }
    }
    workbook.finish();
  }

  private static String line(List<Object> values) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      String text = values.get(i) == null ? "" : values.get(i).toString();
      if (!(values.get(i) instanceof Number) && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
        // a spreadsheet would run it as a formula
        text = "'" + text;
      }
      // quote every field, doubling quotes, so commas and line breaks in names stay in their cell
      line.append(i == 0 ? "" : ",").append('"').append(text.replace("\"", "\"\"")).append('"');
    }
    return line.append("\r\n").toString();
  }
}
