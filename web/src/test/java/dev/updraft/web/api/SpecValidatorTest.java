package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.updraft.web.api.internal.OpenApiDocument;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/**
 * The contract tests are only as strict as their validator: it must reject bodies that break
 * Airflow's spec (3.1 with FastAPI's {@code nullable}), so a wrong shape fails a test.
 */
class SpecValidatorTest {
  private static final SpecValidator SPEC = new SpecValidator(OpenApiDocument.json());

  private static final String GOOD =
      """
      {"name": "p", "slots": 1, "description": null, "include_deferred": false,
       "occupied_slots": 0, "running_slots": 0, "queued_slots": 0, "scheduled_slots": 0,
       "open_slots": 1, "deferred_slots": 0, "team_name": null}""";

  @Test
  void acceptsAPoolResponseAsAirflowSendsIt() {
    assertThat(report(200, GOOD).hasErrors()).as(format(report(200, GOOD))).isFalse();
  }

  @Test
  void rejectsAMissingRequiredField() {
    assertThat(report(200, GOOD.replace("\"open_slots\": 1,", "")).hasErrors()).isTrue();
  }

  @Test
  void rejectsAWrongType() {
    assertThat(report(200, GOOD.replace("\"slots\": 1", "\"slots\": \"1\"")).hasErrors()).isTrue();
  }

  @Test
  void rejectsWrongTypesAndOutOfRangeValues() {
    for (String[] swap :
        new String[][] {
          {"\"name\": \"p\"", "\"name\": 5"},
          {"\"slots\": 1", "\"slots\": true"},
          {"\"slots\": 1", "\"slots\": 1.5"},
          {"\"slots\": 1", "\"slots\": -5"},
          {"\"description\": null", "\"description\": 5"},
          {"\"include_deferred\": false", "\"include_deferred\": null"}
        }) {
      assertThat(report(200, GOOD.replace(swap[0], swap[1])).hasErrors()).as(swap[1]).isTrue();
    }
  }

  @Test
  void rejectsAStatusTheOperationDoesNotDeclare() {
    assertThat(report(418, "{\"detail\": \"teapot\"}").hasErrors()).isTrue();
  }

  @Test
  void rejectsAnErrorBodyOfTheWrongShape() {
    assertThat(report(404, "{\"message\": \"nope\"}").hasErrors()).isTrue();
    assertThat(report(422, "{\"detail\": [{\"msg\": \"x\"}]}").hasErrors()).isTrue();
  }

  @Test
  void readsANullableRefAsTheRefOrNull() {
    String task =
        """
        {"depends_on_past": false, "wait_for_downstream": false, "retry_exponential_backoff": 0,
         "extra_links": [], "execution_timeout": %s}""";
    for (String good : List.of("null", "{\"days\": 0, \"seconds\": 1, \"microseconds\": 0}")) {
      ValidationReport ok =
          SPEC.validate("GET", "/api/v2/dags/d/tasks/t", new Canned(200, task.formatted(good)));
      assertThat(ok.hasErrors()).as(format(ok)).isFalse();
    }
    for (String bad :
        List.of("{}", "\"1s\"", "5", "{\"days\": \"x\", \"seconds\": 1, \"microseconds\": 0}")) {
      assertThat(
              SPEC.validate("GET", "/api/v2/dags/d/tasks/t", new Canned(200, task.formatted(bad)))
                  .hasErrors())
          .as(bad)
          .isTrue();
    }
  }

  private static ValidationReport report(int status, String body) {
    return SPEC.validate("GET", "/api/v2/pools/p", new Canned(status, body));
  }

  private static String format(ValidationReport report) {
    return SimpleValidationReportFormat.getInstance().apply(report);
  }

  private record Canned(int statusCode, String body) implements HttpResponse<String> {
    @Override
    public HttpRequest request() {
      return null;
    }

    @Override
    public Optional<HttpResponse<String>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      return HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (a, b) -> true);
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return URI.create("http://localhost/api/v2/pools/p");
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
