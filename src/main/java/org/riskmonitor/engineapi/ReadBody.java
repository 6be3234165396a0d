package org.riskmonitor.engineapi;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** A request whose small body the guard has read, handed on to the REST resources to read again. */
final class ReadBody extends HttpServletRequestWrapper {

  /** A password change or a filter is a few hundred bytes; a larger body is cut here and refused as not JSON. */
  static final int LIMIT = 64 * 1024;
  /** A form's values with every text at its longest stay far below this. */
  static final int SUBMISSION_LIMIT = 1024 * 1024;

  private final byte[] body;
  private final boolean complete;

  ReadBody(HttpServletRequest request) throws IOException {
    this(request, LIMIT);
  }

  ReadBody(HttpServletRequest request, int limit) throws IOException {
    super(request);
    this.body = request.getInputStream().readNBytes(limit);
    this.complete = request.getInputStream().read() == -1;
  }

  byte[] bytes() {
    return body.clone();
  }

  /** Whether the whole body was read, or it was longer than the limit. */
  boolean complete() {
    return complete;
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        return in.read(buffer, offset, length);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("read synchronously");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
  }
}
