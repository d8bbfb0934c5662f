package dev.updraft.sdk.internal.template;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code macros} template variable: Airflow's macros, callable as {@code macros.ds_add(ds, 5)}.
 *
 * <p>Method names are Airflow's snake_case ones because Jinjava resolves method calls by exact Java
 * name. Only the public methods of this class (and of the objects it returns) are callable from
 * templates; see {@link AllowlistBeanResolver}.
 */
public final class TemplateMacros {
  private final Clock clock;

  TemplateMacros(Clock clock) {
    this.clock = clock;
  }

  /** {@code macros.ds_add('2015-01-01', 5)} is {@code '2015-01-06'}; days may be negative. */
  public String ds_add(String ds, double days) {
    if (days == 0) {
      return ds; // Airflow returns the input untouched without parsing it
    }
    LocalDateTime date = (LocalDateTime) Strptime.parse(ds, "%Y-%m-%d");
    long micros = Math.round(days * 86_400_000_000d);
    return Strftime.format(date.plus(micros, ChronoUnit.MICROS), "%Y-%m-%d");
  }

  /**
   * {@code macros.ds_format('2015-01-01', '%Y-%m-%d', '%m-%d-%y')} is {@code '01-01-15'}: Python's
   * {@code datetime.strptime(ds, input_format).strftime(output_format)}.
   */
  public String ds_format(String ds, String inputFormat, String outputFormat) {
    TemporalAccessor parsed = Strptime.parse(ds, inputFormat);
    return parsed instanceof ZonedDateTime zoned
        ? Strftime.format(zoned, outputFormat)
        : Strftime.format((LocalDateTime) parsed, outputFormat);
  }

  /** How long ago (or until) {@code dt} is from now, e.g. {@code "2 days ago"}. */
  public String datetime_diff_for_humans(TemplateDateTime dt) {
    return datetime_diff_for_humans(dt, null);
  }

  /**
   * {@code dt} relative to {@code since}, e.g. {@code "1 day after"}; relative to now when {@code
   * since} is {@code None}.
   */
  public String datetime_diff_for_humans(TemplateDateTime dt, TemplateDateTime since) {
    if (since == null) {
      return HumanDiff.describe(dt.zoned(), ZonedDateTime.now(clock), true);
    }
    return HumanDiff.describe(dt.zoned(), since.zoned(), false);
  }

  /** Python's {@code random.random()}: a float in [0, 1). */
  public Number random() {
    return new PyFloat(ThreadLocalRandom.current().nextDouble());
  }

  /** Python's {@code uuid} module, for {@code macros.uuid.uuid4()}. */
  public UuidMacros getUuid() {
    return UuidMacros.INSTANCE;
  }
}
