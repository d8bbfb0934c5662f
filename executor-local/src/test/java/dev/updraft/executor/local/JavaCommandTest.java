package dev.updraft.executor.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaCommandTest {

  @Test
  void buildsCommandLineInOrder() {
    JavaCommand command =
        new JavaCommand(
                Path.of("/jdk/bin/java"),
                List.of("-Xmx64m"),
                List.of(Path.of("/a.jar"), Path.of("/b")),
                "com.example.Main",
                List.of())
            .withArgs("x", "y");
    assertThat(command.toCommand())
        .containsExactly(
            "/jdk/bin/java",
            "-Xmx64m",
            "-cp",
            "/a.jar" + File.pathSeparator + "/b",
            "com.example.Main",
            "x",
            "y");
  }

  @Test
  void defaultsToRunningJavaAndFastStartupOptions() {
    JavaCommand command = JavaCommand.of("com.example.Main");
    assertThat(Files.isExecutable(command.javaBinary())).isTrue();
    assertThat(command.toCommand())
        .containsSubsequence("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto")
        .doesNotContain("-cp")
        .endsWith("com.example.Main");
  }
}
