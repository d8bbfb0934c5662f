package dev.updraft.sdk.internal.template;

import java.util.List;

/**
 * A template could not be rendered: a Jinja syntax error, an undefined variable or attribute
 * (Airflow's {@code StrictUndefined}), or a failing call. The message names the template
 * (abbreviated) and every error with its line.
 */
public final class TemplateRenderException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_TEMPLATE_CHARS = 100;

  private final String template;
  private final List<String> errors;

  /**
   * @param template the template text as given
   * @param errors the engine's errors, each like {@code "line 1: Unknown token found: nope"}
   */
  public TemplateRenderException(String template, List<String> errors, Throwable cause) {
    super(
        "cannot render template '" + abbreviate(template) + "': " + String.join("; ", errors),
        cause);
    this.template = template;
    this.errors = List.copyOf(errors);
  }

  /** The full template text. */
  public String template() {
    return template;
  }

  /** The errors, each with its line number. */
  public List<String> errors() {
    return errors;
  }

  static String abbreviate(String template) {
    String oneLine = template.replace("\r", "\\r").replace("\n", "\\n");
    return oneLine.length() <= MAX_TEMPLATE_CHARS
        ? oneLine
        : oneLine.substring(0, MAX_TEMPLATE_CHARS - 3) + "...";
  }
}
