package dev.updraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @Test
  void unsupportedDatabaseUrlIsOneLineNamingItWithThePasswordMasked(@TempDir Path home) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            Map.of(
                "UPDRAFT_HOME",
                home.toString(),
                "UPDRAFT_DB_URL",
                "jdbc:mysql://db/x?password=p4ss"),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            "dags",
            "list");
    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(1);
    assertThat(text.strip().lines()).hasSize(1);
    assertThat(text)
        .contains("unsupported database URL jdbc:mysql://db/x?password=***")
        .doesNotContain("p4ss");
  }
}
