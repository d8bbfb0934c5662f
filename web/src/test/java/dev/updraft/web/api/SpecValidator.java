package dev.updraft.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

/**
 * Checks responses against the OpenAPI document the server itself serves at {@code
 * /api/v2/openapi.json}: the status must be one the operation declares, and the body must match
 * that status's schema.
 *
 * <p>The document says {@code openapi: 3.1.0}, but its schemas are 3.0-style ({@code nullable},
 * which the Python client's generator needs), and the validator checks no types at all when it
 * reads a 3.1 document. So it is handed a 3.0 reading of the same schemas: {@code 3.0.3}, with
 * 3.1's {@code const} written as a one-value {@code enum} and its tuples ({@code prefixItems}) as
 * arrays of any of their item schemas. {@link SpecValidatorTest} proves it then rejects wrong
 * types.
 */
final class SpecValidator {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OpenApiInteractionValidator validator;

  SpecValidator(String specJson) {
    this.validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(asOpenApi30(specJson)).build();
  }

  private static String asOpenApi30(String specJson) {
    try {
      ObjectNode spec = (ObjectNode) JSON.readTree(specJson);
      spec.put("openapi", "3.0.3");
      constToEnum(spec);
      return JSON.writeValueAsString(spec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void constToEnum(JsonNode node) {
    if (node instanceof ObjectNode object
        && object.has("$ref")
        && object.path("nullable").asBoolean(false)) {
      // 3.0 ignores a $ref's siblings, so "nullable" would be lost: the value is the $ref's
      // schema or null (a nullable schema admitting only null).
      JsonNode ref = object.remove("$ref");
      object.remove("nullable");
      var anyOf = object.putArray("anyOf");
      anyOf.addObject().set("$ref", ref);
      ObjectNode onlyNull = anyOf.addObject();
      onlyNull.put("type", "object").put("nullable", true);
      onlyNull.putArray("enum").addNull();
    }
    if (node instanceof ObjectNode object && object.has("const")) {
      JsonNode value = object.remove("const");
      object.putArray("enum").add(value);
    }
    if (node instanceof ObjectNode object && object.has("prefixItems")) {
      // A tuple; 3.0 has none, so each item is checked against any of the tuple's schemas.
      JsonNode tuple = object.remove("prefixItems");
      if (!object.has("items")) {
        object.putObject("items").set("anyOf", tuple);
      }
    }
    node.forEach(SpecValidator::constToEnum);
  }

  /** Fails the test unless {@code response} to {@code method path} conforms to the spec. */
  void assertConforms(String method, String path, HttpResponse<String> response) {
    ValidationReport report = validate(method, path, response);
    assertThat(report.hasErrors())
        .as(
            "%s %s -> %d %s%n%s",
            method,
            path,
            response.statusCode(),
            response.body(),
            SimpleValidationReportFormat.getInstance().apply(report))
        .isFalse();
  }

  ValidationReport validate(String method, String path, HttpResponse<String> response) {
    SimpleResponse.Builder built = SimpleResponse.Builder.status(response.statusCode());
    response.headers().firstValue("Content-Type").ifPresent(built::withContentType);
    if (!response.body().isEmpty()) {
      built.withBody(response.body());
    }
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    return validator.validateResponse(bare, Request.Method.valueOf(method), built.build());
  }
}
