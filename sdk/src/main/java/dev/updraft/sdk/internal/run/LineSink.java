package dev.updraft.sdk.internal.run;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** An output stream that hands each complete line to a consumer. */
final class LineSink extends OutputStream {
  private final Consumer<String> lines;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  LineSink(Consumer<String> lines) {
    this.lines = lines;
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      emit();
    } else {
      pending.write(b);
    }
  }

  @Override
  public synchronized void flush() {
    // A partial line waits for its newline; close() emits it.
  }

  @Override
  public synchronized void close() {
    if (pending.size() > 0) {
      emit();
    }
  }

  private void emit() {
    String line = pending.toString(StandardCharsets.UTF_8);
    pending.reset();
    lines.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
  }
}
