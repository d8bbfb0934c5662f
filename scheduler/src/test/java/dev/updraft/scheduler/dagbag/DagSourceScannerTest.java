package dev.updraft.scheduler.dagbag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DagSourceScannerTest {
  @TempDir Path dags;

  private Path file(String relative) throws IOException {
    Path file = dags.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "");
  }

  @Test
  void findsJarsAndClassFoldersSortedByPath() throws IOException {
    file("b.jar");
    file("a/z.jar");
    file("a/classes/" + DagSource.SERVICES_ENTRY);
    file("a/classes/lib/inside.jar"); // part of the class folder, not a source of its own
    file("notes.txt");
    file("c/D.JAR");
    file(".git/objects/pack.jar");
    file("a/.cache.jar");

    assertThat(DagSourceScanner.scan(dags))
        .extracting(DagSource::path)
        .containsExactly(
            dags.resolve("a/classes"),
            dags.resolve("a/z.jar"),
            dags.resolve("b.jar"),
            dags.resolve("c/D.JAR"));
  }

  @Test
  void treatsAClassFolderGivenAsTheFolderAsOneSource() throws IOException {
    file(DagSource.SERVICES_ENTRY);
    file("nested/other.jar");

    assertThat(DagSourceScanner.scan(dags)).extracting(DagSource::path).containsExactly(dags);
  }

  @Test
  void findsNothingInAMissingFolderOrAFileThatIsNoJar() throws IOException {
    assertThat(DagSourceScanner.scan(dags.resolve("missing"))).isEmpty();
    assertThat(DagSourceScanner.scan(file("readme.md"))).isEmpty();
    assertThat(DagSourceScanner.scan(file("one.jar")))
        .extracting(DagSource::path)
        .containsExactly(dags.resolve("one.jar"));
  }
}
