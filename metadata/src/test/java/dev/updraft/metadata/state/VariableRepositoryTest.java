package dev.updraft.metadata.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VariableRepositoryTest {
  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void setGetOverwriteListAndDelete(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      VariableRepository variables = new VariableRepository(t.db());

      assertThat(variables.get("bucket")).isEmpty();
      variables.set("bucket", "s3://data", "where raw data lands");
      variables.set("threshold", "{\"min\": 0.8}");
      assertThat(variables.get("bucket")).contains("s3://data");

      variables.set("bucket", "s3://data-v2");
      assertThat(variables.list())
          .containsExactly(
              new VariableRecord("bucket", "s3://data-v2", "where raw data lands"),
              new VariableRecord("threshold", "{\"min\": 0.8}", null));
      variables.set("threshold", "0.9", "new description");
      assertThat(variables.list().get(1))
          .isEqualTo(new VariableRecord("threshold", "0.9", "new description"));

      assertThat(variables.delete("bucket")).isTrue();
      assertThat(variables.delete("bucket")).isFalse();
      assertThat(variables.get("bucket")).isEmpty();
      assertThat(Raw.one(t.db(), Boolean.class, "SELECT is_encrypted FROM variable")).isFalse();
    }
  }
}
