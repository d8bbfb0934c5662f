package dev.updraft.sdk.internal.template;

import com.hubspot.jinjava.objects.serialization.PyishSerializable;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A time-zone-aware date-time as templates see it: the subset of a pendulum {@code DateTime} that
 * Airflow templates use. Renders as Python's {@code str()} ({@code 2024-01-31 00:00:00+00:00}).
 *
 * <p>Method names are Python's ({@code strftime}, {@code isoformat}, {@code in_timezone}) because
 * Jinjava calls Java methods by their exact name; {@code year} etc. are bean getters so that {@code
 * logical_date.year} works as an attribute.
 */
public final class TemplateDateTime implements Comparable<TemplateDateTime>, PyishSerializable {
  private final ZonedDateTime value;

  private TemplateDateTime(ZonedDateTime value) {
    // Python datetimes stop at microseconds.
    this.value = value.truncatedTo(ChronoUnit.MICROS);
  }

  /** The instant in UTC, as Airflow hands dates to templates. */
  public static TemplateDateTime of(Instant instant) {
    return new TemplateDateTime(instant.atZone(ZoneId.of("UTC")));
  }

  static TemplateDateTime of(ZonedDateTime dateTime) {
    return new TemplateDateTime(dateTime);
  }

  // Package-private so templates cannot reach the raw java.time object.
  ZonedDateTime zoned() {
    return value;
  }

  /** Python's {@code strftime}; see {@link Strftime} for the directives. */
  public String strftime(String format) {
    return Strftime.format(value, format);
  }

  /** {@code 2024-01-31T00:00:00+00:00}; microseconds appear only when not zero, as in Python. */
  public String isoformat() {
    return isoformat("T");
  }

  /** Python's {@code isoformat(sep)}. */
  public String isoformat(String sep) {
    String micros = value.getNano() == 0 ? "" : ".%f";
    return Strftime.format(value, "%Y-%m-%d" + sep + "%H:%M:%S" + micros + "%:z");
  }

  /** Seconds since the epoch, a Python float. */
  public Number timestamp() {
    Instant instant = value.toInstant();
    return new PyFloat(instant.getEpochSecond() + instant.getNano() / 1e9);
  }

  /** The same instant in another IANA zone, like pendulum's {@code in_timezone('Europe/Paris')}. */
  public TemplateDateTime in_timezone(String zone) {
    return new TemplateDateTime(value.withZoneSameInstant(ZoneId.of(zone)));
  }

  /** Python's {@code weekday()}: Monday is 0. */
  public int weekday() {
    return value.getDayOfWeek().getValue() - 1;
  }

  /** Python's {@code isoweekday()}: Monday is 1. */
  public int isoweekday() {
    return value.getDayOfWeek().getValue();
  }

  public int getYear() {
    return value.getYear();
  }

  public int getMonth() {
    return value.getMonthValue();
  }

  public int getDay() {
    return value.getDayOfMonth();
  }

  public int getHour() {
    return value.getHour();
  }

  public int getMinute() {
    return value.getMinute();
  }

  public int getSecond() {
    return value.getSecond();
  }

  public int getMicrosecond() {
    return value.getNano() / 1000;
  }

  @Override
  public <T extends Appendable & CharSequence> T appendPyishString(T appendable)
      throws IOException {
    appendable.append(toString());
    return appendable;
  }

  /** Python's {@code str(datetime)}: {@code 2024-01-31 00:00:00+00:00}. */
  @Override
  public String toString() {
    return isoformat(" ");
  }

  @Override
  public int compareTo(TemplateDateTime other) {
    return value.toInstant().compareTo(other.value.toInstant());
  }

  /** Equal when the instants are, as aware Python datetimes compare. */
  @Override
  public boolean equals(Object o) {
    return o instanceof TemplateDateTime other && value.toInstant().equals(other.value.toInstant());
  }

  @Override
  public int hashCode() {
    return Objects.hash(value.toInstant());
  }
}
