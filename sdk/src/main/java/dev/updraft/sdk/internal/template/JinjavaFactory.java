package dev.updraft.sdk.internal.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.TypeConvertingMapELResolver;
import com.hubspot.jinjava.el.ext.JinjavaListELResolver;
import java.time.ZoneOffset;
import java.util.Locale;
import jinjava.javax.el.ArrayELResolver;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ELResolver;

/** Builds the Jinjava engine configured to behave like Airflow's Jinja environment. */
final class JinjavaFactory {
  private JinjavaFactory() {}

  static Jinjava create() {
    JinjavaConfig config =
        JinjavaConfig.newBuilder()
            // Airflow uses StrictUndefined: an undefined variable or attribute is an error.
            .withFailOnUnknownTokens(true)
            .withElResolver(resolver())
            // Jinja never renders a value a second time, even if it contains "{{ }}".
            .withNestedInterpretationEnabled(false)
            .withTimeZone(ZoneOffset.UTC)
            .withLocale(Locale.ENGLISH)
            .withLegacyOverrides(
                LegacyOverrides.newBuilder()
                    .withEvaluateMapKeys(true)
                    .withIterateOverMapKeys(true)
                    .withUsePyishObjectMapper(true)
                    .withUseNaturalOperatorPrecedence(true)
                    .withParseWhitespaceControlStrictly(true)
                    .withUseTrimmingForNotesAndExpressions(true)
                    .withHandleBackslashInQuotesOnly(true)
                    .build())
            .build();
    return new Jinjava(config);
  }

  /**
   * Jinjava's default read-only resolver chain with its bean resolver swapped for the allowlisted
   * one (and the resource-bundle resolver dropped).
   */
  private static ELResolver resolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new ArrayELResolver(true));
    resolver.add(new JinjavaListELResolver(true));
    resolver.add(new TypeConvertingMapELResolver(true));
    resolver.add(new AllowlistBeanResolver());
    return resolver;
  }
}
