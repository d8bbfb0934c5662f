package dev.updraft.sdk.internal.template;

import java.util.AbstractMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A template map whose entries are looked up by key when a template reads them, as Airflow's {@code
 * var} and {@code conn} accessors: nothing is fetched until used, and a missing key fails the
 * render naming it (Airflow's {@code KeyError}), not as an empty value.
 */
final class LookupMap extends AbstractMap<String, Object> {
  private final Function<String, Optional<?>> lookup;
  private final String missingFormat;

  /**
   * @param missingFormat the failure's message, {@code %s} standing for the key
   */
  LookupMap(Function<String, Optional<?>> lookup, String missingFormat) {
    this.lookup = lookup;
    this.missingFormat = missingFormat;
  }

  @Override
  public Object get(Object key) {
    String name = String.valueOf(key);
    return lookup
        .apply(name)
        .orElseThrow(() -> new MissingKeyException(missingFormat.formatted(name)));
  }

  @Override
  public boolean containsKey(Object key) {
    return lookup.apply(String.valueOf(key)).isPresent();
  }

  /** The keys cannot be listed: the store is only ever asked for one. */
  @Override
  public Set<Entry<String, Object>> entrySet() {
    return Set.of();
  }

  /** A template read a variable or connection that does not exist. */
  static final class MissingKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingKeyException(String message) {
      super(message);
    }
  }
}
