package dev.updraft.web.api.internal.config;

import dev.updraft.web.api.internal.ApiAuth;
import dev.updraft.web.api.internal.ApiException;
import dev.updraft.web.api.internal.SecretMasker;
import dev.updraft.web.auth.Permission;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v2/config} and {@code /config/section/{section}/option/{option}}, as Airflow's
 * config routes: refused unless the server exposes its configuration, JSON or Airflow's INI-like
 * text by {@code Accept}.
 */
public final class ConfigRoutes {
  static final String PATH = "/api/v2/config";

  /** Airflow's 403 when {@code [api] expose_config} is off. */
  static final String NOT_EXPOSED =
      "Your Airflow administrator chose not to expose the configuration, most likely for security"
          + " reasons.";

  static final String HIDDEN = "< hidden >";

  /** Airflow's {@code sensitive_config_values} that Updraft has counterparts of. */
  private static final java.util.Set<String> SENSITIVE =
      java.util.Set.of(
          "database/sql_alchemy_conn",
          "core/fernet_key",
          "api/secret_key",
          "api_auth/jwt_secret",
          "secrets/backend_kwargs",
          "smtp/smtp_password");

  /** Words the secrets masker treats as naming a secret. */
  private static final List<String> SECRET_WORDS =
      List.of(
          "access_token",
          "api_key",
          "apikey",
          "authorization",
          "passphrase",
          "passwd",
          "password",
          "private_key",
          "secret",
          "token");

  private final ApiAuth auth;
  private final boolean expose;
  private final Map<String, Map<String, String>> config;

  public ConfigRoutes(ApiAuth auth, boolean expose, Map<String, Map<String, String>> config) {
    this.auth = auth;
    this.expose = expose;
    this.config = config;
  }

  public void register(Javalin app) {
    app.get(PATH, this::all);
    app.get(PATH + "/section/{section}/option/{option}", this::option);
  }

  private void all(Context ctx) {
    // Configuration is op-level in Airflow's simple auth manager, as connections are.
    auth.require(ctx, Permission.CONNECTIONS);
    boolean text = acceptsText(ctx);
    checkExposed();
    String section = ctx.queryParam("section");
    Map<String, Map<String, String>> shown = config;
    if (section != null && !section.isEmpty()) {
      Map<String, String> options = config.get(section);
      if (options == null) {
        throw new ApiException(404, "Section " + section + " not found.");
      }
      shown = Map.of(section, options);
    }
    respond(ctx, text, shown);
  }

  private void option(Context ctx) {
    auth.require(ctx, Permission.CONNECTIONS);
    boolean text = acceptsText(ctx);
    checkExposed();
    String section = ctx.pathParam("section");
    String option = ctx.pathParam("option");
    Map<String, String> options = config.get(section);
    if (options == null || !options.containsKey(option)) {
      throw new ApiException(404, "Option [" + section + "/" + option + "] not found.");
    }
    respond(ctx, text, Map.of(section, Map.of(option, options.get(option))));
  }

  private void checkExposed() {
    if (!expose) {
      throw new ApiException(403, NOT_EXPOSED);
    }
  }

  /**
   * Whether the client asked for text: Airflow looks at how {@code Accept} starts ({@code * / *}
   * and JSON answer JSON) and refuses anything else with 406.
   */
  private static boolean acceptsText(Context ctx) {
    String accept = ctx.header("Accept");
    if (accept == null || accept.startsWith("*/*") || accept.startsWith("application/json")) {
      return false;
    }
    if (accept.startsWith("text/plain")) {
      return true;
    }
    throw new ApiException(406, "Only application/json or text/plain is supported");
  }

  private static void respond(
      Context ctx, boolean text, Map<String, Map<String, String>> sections) {
    if (text) {
      ctx.status(200).contentType("text/plain; charset=utf-8").result(textFormat(sections));
      return;
    }
    List<Map<String, Object>> body = new ArrayList<>();
    sections.forEach(
        (name, options) -> {
          List<Map<String, Object>> entries = new ArrayList<>();
          options.forEach((key, value) -> entries.add(option(key, masked(name, key, value))));
          Map<String, Object> section = new LinkedHashMap<>();
          section.put("name", name);
          section.put("options", entries);
          body.add(section);
        });
    JsonResponses.respond(ctx, 200, Map.of("sections", body));
  }

  private static Map<String, Object> option(String key, String value) {
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("key", key);
    option.put("value", value);
    return option;
  }

  /**
   * Airflow never shows sensitive values through the API: its sensitive options read {@code <
   * hidden >}, and keys that name a secret are redacted to {@code ***} as its secrets masker does.
   */
  static String masked(String section, String key, String value) {
    String option = key.toLowerCase(java.util.Locale.ROOT);
    if (SENSITIVE.contains(section.toLowerCase(java.util.Locale.ROOT) + "/" + option)) {
      return HIDDEN;
    }
    if (HIDDEN.equals(value)) {
      return value;
    }
    for (String word : SECRET_WORDS) {
      if (option.contains(word)) {
        return SecretMasker.MASK;
      }
    }
    return value;
  }

  /** Airflow's text format: {@code [section]} then {@code key = value} lines, sections apart. */
  static String textFormat(Map<String, Map<String, String>> sections) {
    List<String> blocks = new ArrayList<>();
    sections.forEach(
        (name, options) -> {
          StringBuilder block = new StringBuilder("[").append(name).append("]\n");
          List<String> lines = new ArrayList<>();
          options.forEach((key, value) -> lines.add(key + " = " + masked(name, key, value)));
          block.append(String.join("\n", lines)).append("\n");
          blocks.add(block.toString());
        });
    return String.join("\n", blocks);
  }
}
