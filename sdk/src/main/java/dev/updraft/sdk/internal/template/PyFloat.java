package dev.updraft.sdk.internal.template;

import com.hubspot.jinjava.objects.serialization.PyishSerializable;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * A Python {@code float} result: a number in template arithmetic that renders as Python's {@code
 * str(float)} ({@code 1706659200.0}), where a Java double would render {@code 1.7066592E9}.
 */
final class PyFloat extends Number implements PyishSerializable {
  private static final long serialVersionUID = 1L;

  private final double value;

  PyFloat(double value) {
    this.value = value;
  }

  @Override
  public double doubleValue() {
    return value;
  }

  @Override
  public float floatValue() {
    return (float) value;
  }

  @Override
  public long longValue() {
    return (long) value;
  }

  @Override
  public int intValue() {
    return (int) value;
  }

  @Override
  public <T extends Appendable & CharSequence> T appendPyishString(T appendable)
      throws IOException {
    appendable.append(toString());
    return appendable;
  }

  /** Python's repr: positional notation with at least one decimal for ordinary magnitudes. */
  @Override
  public String toString() {
    double abs = Math.abs(value);
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (abs != 0 && (abs < 1e-4 || abs >= 1e16)) {
      return Double.toString(value).replace("E", "e"); // exponent form, close enough
    }
    String plain = new BigDecimal(Double.toString(value)).toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PyFloat other && Double.compare(value, other.value) == 0;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(value);
  }
}
