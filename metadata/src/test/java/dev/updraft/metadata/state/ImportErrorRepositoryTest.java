package dev.updraft.metadata.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.TestDatabases;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImportErrorRepositoryTest {
  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void replaceForKeepsOneErrorPerFileAndFlagsItsDags(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      TestClock clock = TestClock.at("2025-05-01T08:00:00Z");
      ImportErrorRepository errors = new ImportErrorRepository(t.db(), clock);
      DagRepository dags = new DagRepository(t.db());
      dags.upsert(
          new ParsedDag(
              "broken", "/dags/a.jar", "me", null, null, null, 16, List.of(), false, "{}", "h"));

      errors.replaceFor("/dags/a.jar", "dags-folder", "java.lang.NoClassDefFoundError: Foo");
      errors.replaceFor("/dags/b.jar", null, "cycle: a -> b -> a");
      clock.advance(Duration.ofMinutes(1));
      ImportErrorRecord latest =
          errors.replaceFor(
              "/dags/a.jar", "dags-folder", "DagValidationException: duplicate task id");

      assertThat(errors.list())
          .extracting(ImportErrorRecord::filename, ImportErrorRecord::stacktrace)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "/dags/a.jar", "DagValidationException: duplicate task id"),
              org.assertj.core.groups.Tuple.tuple("/dags/b.jar", "cycle: a -> b -> a"));
      assertThat(errors.list().get(0)).isEqualTo(latest);
      assertThat(latest.timestamp()).isEqualTo(clock.instant());
      assertThat(latest.bundleName()).isEqualTo("dags-folder");
      assertThat(dags.find("broken").orElseThrow().hasImportErrors()).isTrue();

      assertThat(errors.clearFor("/dags/a.jar")).isEqualTo(1);
      assertThat(errors.clearFor("/dags/a.jar")).isZero();
      assertThat(errors.list())
          .extracting(ImportErrorRecord::filename)
          .containsExactly("/dags/b.jar");
      assertThat(dags.find("broken").orElseThrow().hasImportErrors()).isFalse();
    }
  }
}
