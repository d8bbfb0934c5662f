package dev.updraft.sdk.internal.template;

import com.hubspot.jinjava.objects.serialization.PyishSerializable;
import java.io.IOException;
import java.util.UUID;

/** {@code macros.uuid}: the part of Python's {@code uuid} module templates use. */
public final class UuidMacros {
  static final UuidMacros INSTANCE = new UuidMacros();

  private UuidMacros() {}

  /** A random UUID; renders as {@code 8-4-4-4-12} hex, {@code .hex} gives 32 bare hex digits. */
  public Uuid uuid4() {
    return new Uuid(UUID.randomUUID());
  }

  /** Python's {@code uuid.UUID}, reduced to its string forms. */
  public static final class Uuid implements PyishSerializable {
    private final UUID value;

    Uuid(UUID value) {
      this.value = value;
    }

    /** Python's {@code UUID.hex}: the 32 hex digits without dashes. */
    public String getHex() {
      return value.toString().replace("-", "");
    }

    @Override
    public <T extends Appendable & CharSequence> T appendPyishString(T appendable)
        throws IOException {
      appendable.append(toString());
      return appendable;
    }

    @Override
    public String toString() {
      return value.toString();
    }
  }
}
