package dev.updraft.cli.internal.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.cli.UpdraftConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShownConfigTest {
  @Test
  void showsTheValuesInUseWithTheDatabaseUrlHidden() {
    Map<String, String> env =
        Map.of(
            "UPDRAFT_HOME", "/tmp/updraft-home",
            "UPDRAFT_DB_URL", "jdbc:postgresql://db/updraft?user=u&password=s3cret",
            "UPDRAFT_PARALLELISM", "7",
            "UPDRAFT_API_EXPOSE_CONFIG", "true");
    DaemonOptions options = DaemonOptions.fromEnvironment(env, true);
    assertThat(options.exposeConfig()).isTrue();
    assertThat(DaemonOptions.fromEnvironment(Map.of(), true).exposeConfig()).isFalse();

    Map<String, Map<String, String>> shown =
        ShownConfig.of(UpdraftConfig.fromEnvironment(env), options, true);
    assertThat(shown.keySet()).containsExactly("core", "api", "scheduler", "database");
    assertThat(shown.get("core").get("parallelism")).isEqualTo("7");
    assertThat(shown.get("api").get("port")).isEqualTo("8080");
    assertThat(shown.get("api").get("expose_config")).isEqualTo("True");
    assertThat(shown.get("database").get("sql_alchemy_conn")).isEqualTo("< hidden >");
    assertThat(shown.toString()).doesNotContain("s3cret");
  }
}
