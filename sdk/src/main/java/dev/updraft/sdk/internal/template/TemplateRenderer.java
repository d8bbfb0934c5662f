package dev.updraft.sdk.internal.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateError.ErrorReason;
import com.hubspot.jinjava.interpret.TemplateError.ErrorType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders Airflow-style Jinja templates with Jinjava, failing like Airflow's Jinja environment
 * does: undefined names and attributes, syntax errors and failing calls throw {@link
 * TemplateRenderException}. Thread-safe.
 */
public final class TemplateRenderer {
  // Building Jinjava is expensive (filter/tag registries); one instance serves all threads, since
  // each render gets its own interpreter.
  private static final Jinjava JINJAVA = JinjavaFactory.create();

  private TemplateRenderer() {}

  /**
   * Renders {@code template} against {@code context} (typically {@link TemplateContexts#forTry}).
   * Text without Jinja markers (<code>{{</code>, <code>{%</code>, <code>{#</code>) comes back
   * as-is, without a parse.
   *
   * @throws TemplateRenderException when the template is invalid or fails to render
   */
  public static String render(String template, Map<String, Object> context) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(context, "context");
    if (!hasMarkers(template)) {
      return template;
    }
    RenderResult result;
    try {
      result = JINJAVA.renderForResult(template, context);
    } catch (RuntimeException e) {
      throw new TemplateRenderException(template, List.of(String.valueOf(e.getMessage())), e);
    }
    List<String> errors =
        result.getErrors().stream()
            .filter(TemplateRenderer::isFailure)
            .map(TemplateRenderer::describe)
            .toList();
    if (!errors.isEmpty()) {
      throw new TemplateRenderException(template, errors, null);
    }
    return result.getOutput();
  }

  private static boolean hasMarkers(String template) {
    return template.contains("{{") || template.contains("{%") || template.contains("{#");
  }

  /**
   * Jinjava reports some errors Jinja raises for (an unclosed <code>{{</code>, a stray {@code {%
   * endif %}}) only as syntax warnings; the rest of its warnings accompany a fatal error or are
   * benign.
   */
  private static boolean isFailure(TemplateError error) {
    return error.getSeverity() == ErrorType.FATAL || error.getReason() == ErrorReason.SYNTAX_ERROR;
  }

  private static String describe(TemplateError error) {
    // Jinjava appends the originating exception on further lines; keep the message on one line.
    String message = String.valueOf(error.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ");
    return "line " + error.getLineno() + ": " + message;
  }
}
