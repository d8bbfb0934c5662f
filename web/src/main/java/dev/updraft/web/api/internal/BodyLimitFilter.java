package dev.updraft.web.api.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses {@code /api/v2} request bodies over a limit before they are read into memory: a declared
 * {@code Content-Length} over it is answered 413 at once; a body without one (chunked) is counted
 * as the handler reads it, and reading past the limit ends the request with 413.
 *
 * <p>The limit replaces Javalin's own (1 MB by default) for these paths: the wrapped request
 * reports no length, so Javalin reads what this filter lets through.
 */
public final class BodyLimitFilter implements Filter {
  private final long limit;

  public BodyLimitFilter(long limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("the body limit must not be negative, not " + limit);
    }
    this.limit = limit;
  }

  /** The 413 detail. */
  static String detail(long limit) {
    return "Request body too large: the limit is " + limit + " bytes";
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    if (http.getContentLengthLong() > limit) {
      HttpServletResponse out = (HttpServletResponse) response;
      out.setStatus(413);
      out.setContentType("application/json");
      // The unread body is not wanted: close the connection instead of draining it.
      out.setHeader("Connection", "close");
      String json = "{\"detail\":\"" + detail(limit) + "\"}";
      out.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(new Limited(http, limit), response);
  }

  /** Thrown while reading a body that grows past the limit; answered 413 by {@link ApiErrors}. */
  public static final class TooLarge extends RuntimeException {
    private final long limit;

    TooLarge(long limit) {
      super(detail(limit), null, false, false);
      this.limit = limit;
    }

    long limit() {
      return limit;
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public int getContentLength() {
      return -1;
    }

    @Override
    public long getContentLengthLong() {
      return -1;
    }

    @Override
    public synchronized ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long count;

    CountingStream(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void counted(int n) {
      count += n;
      if (count > limit) {
        throw new TooLarge(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
