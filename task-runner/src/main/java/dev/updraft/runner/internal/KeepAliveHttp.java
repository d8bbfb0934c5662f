package dev.updraft.runner.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * A blocking HTTP/1.1 client over one kept-alive socket per runner, for plain {@code http} to the
 * execution API. The runner makes two calls per try; the JDK's {@code HttpClient} hands each one
 * between several threads, which costs milliseconds on a busy machine, while a blocking exchange on
 * the caller's thread costs a write and a read. One exchange at a time (the heartbeat thread
 * waits); a socket idle longer than {@link #MAX_IDLE} is replaced before use, well inside the
 * server's idle timeout, so a request never meets a connection the server already closed.
 */
public final class KeepAliveHttp {
  /** Reconnect after this much idleness (Jetty closes idle connections after 30 s). */
  static final Duration MAX_IDLE = Duration.ofSeconds(10);

  private final Duration timeout;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private String connectedTo;
  private long lastUsedNanos;

  public KeepAliveHttp(Duration timeout) {
    this.timeout = timeout;
  }

  /** An answer: its status and its body as text. */
  public record Response(int status, String body) {}

  /**
   * Sends {@code method uri} with {@code headers} and {@code body} (or none) and reads the answer.
   */
  public synchronized Response exchange(
      String method, URI uri, Map<String, String> headers, String body) throws IOException {
    if (!"http".equals(uri.getScheme())) {
      throw new IOException("only plain http is supported here: " + uri);
    }
    connect(uri);
    try {
      write(method, uri, headers, body);
      Response response = read();
      lastUsedNanos = System.nanoTime();
      return response;
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private void connect(URI uri) throws IOException {
    String target = uri.getHost() + ":" + port(uri);
    boolean stale = System.nanoTime() - lastUsedNanos > MAX_IDLE.toNanos();
    if (socket != null && target.equals(connectedTo) && !stale && !socket.isClosed()) {
      return;
    }
    close();
    Socket fresh = new Socket();
    fresh.setTcpNoDelay(true);
    fresh.connect(new InetSocketAddress(uri.getHost(), port(uri)), (int) timeout.toMillis());
    fresh.setSoTimeout((int) timeout.toMillis());
    socket = fresh;
    in = new BufferedInputStream(fresh.getInputStream());
    out = fresh.getOutputStream();
    connectedTo = target;
  }

  private void write(String method, URI uri, Map<String, String> headers, String body)
      throws IOException {
    byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder();
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(uri.getHost()).append(':').append(port(uri)).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("Content-Length: ").append(payload.length).append("\r\n\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
    // One write for head and body: no small packets for the server to wait on.
    byte[] request = new byte[headBytes.length + payload.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(payload, 0, request, headBytes.length, payload.length);
    out.write(request);
    out.flush();
  }

  private Response read() throws IOException {
    String statusLine = line();
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.x answer: " + statusLine);
    }
    int status = Integer.parseInt(parts[1]);
    long length = -1;
    boolean chunked = false;
    boolean closes = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> closes = value.equalsIgnoreCase("close");
        default -> {}
      }
    }
    byte[] body;
    if (chunked) {
      body = chunkedBody();
    } else if (length >= 0) {
      body = in.readNBytes((int) length);
      if (body.length != length) {
        throw new IOException("the answer ended early");
      }
    } else if (status == 204 || status == 304) {
      body = new byte[0];
    } else {
      body = in.readAllBytes(); // no length: the body runs to the end of the connection
      closes = true;
    }
    if (closes) {
      close();
    }
    return new Response(status, new String(body, StandardCharsets.UTF_8));
  }

  private byte[] chunkedBody() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = line();
      int semicolon = sizeLine.indexOf(';');
      int size = Integer.parseInt(semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon), 16);
      if (size == 0) {
        while (!line().isEmpty()) {
          // trailers: none expected, skipped
        }
        return body.toByteArray();
      }
      byte[] chunk = in.readNBytes(size);
      if (chunk.length != size) {
        throw new IOException("a chunk ended early");
      }
      body.write(chunk);
      line(); // the CRLF after the chunk
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        break;
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    if (b == -1 && line.size() == 0) {
      throw new IOException("the server closed the connection");
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  private static int port(URI uri) {
    return uri.getPort() == -1 ? 80 : uri.getPort();
  }

  /** Closes the socket, if open; the next exchange opens a new one. */
  public synchronized void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing: nothing to keep.
      }
    }
    socket = null;
    in = null;
    out = null;
    connectedTo = null;
  }
}
