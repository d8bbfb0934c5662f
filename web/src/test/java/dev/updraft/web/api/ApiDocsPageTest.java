package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.metadata.Dialect;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docs page needs nothing from the internet: every file it loads comes from this server. */
class ApiDocsPageTest {
  @TempDir Path home;

  @Test
  void everyFileThePageLoadsIsServedHereWithoutAToken() throws Exception {
    try (ApiTestServer api = ApiTestServer.start(Dialect.H2, home)) {
      HttpResponse<String> page = api.send("GET", "/api/v2/docs", null, null);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).doesNotContain("http://").doesNotContain("https://");
      Matcher sources = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
      int loaded = 0;
      while (sources.find()) {
        String path = sources.group(1);
        if (path.equals("/api/v2/openapi.json")) {
          continue;
        }
        HttpResponse<String> asset = api.send("GET", path, null, null);
        assertThat(asset.statusCode()).as(path).isEqualTo(200);
        assertThat(asset.body()).as(path).isNotEmpty();
        loaded++;
      }
      assertThat(loaded)
          .as("the page loads Swagger UI's script and style")
          .isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void onlyTheListedAssetsAreServed() throws Exception {
    try (ApiTestServer api = ApiTestServer.start(Dialect.H2, home)) {
      assertThat(api.send("GET", "/api/v2/docs/index.html", null, null).statusCode())
          .isEqualTo(404);
      assertThat(
              api.send("GET", "/api/v2/docs/..%2F..%2Fopenapi%2Fv2.yaml", null, null).statusCode())
          .isEqualTo(404);
    }
  }
}
