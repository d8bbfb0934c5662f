package dev.updraft.scheduler.dagbag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ServiceEntriesTest {
  @Test
  void readsClassNamesSkippingCommentsBlankLinesAndRepeats() throws IOException {
    String file = "# generated\n\n  a.First  \nb.Second # trailing comment\r\na.First\n#c.Off\n";

    assertThat(
            ServiceEntries.parse(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))))
        .containsExactly("a.First", "b.Second");
  }
}
