package dev.updraft.sdk.internal.template;

import com.hubspot.jinjava.el.ext.JinjavaBeanELResolver;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.util.ForLoop;
import java.util.List;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.MethodNotFoundException;

/**
 * Jinjava's bean resolver limited to an allowlist: templates may read properties of and call
 * methods on our own template objects ({@code macros}, dates, UUIDs), on Jinjava's Python-like
 * wrappers ({@code dict.items()}, {@code loop.index}) and on Jinjava's filters and tests (which it
 * calls itself), but on no other Java object.
 *
 * <p>Jinjava 2.8.4 has no method allowlist of its own, only a denylist ({@code getClass}, {@code
 * wait}, ...), so without this {@code ds.getBytes()} or {@code ds.length()} would reach {@link
 * String}. Map keys and list items are resolved before this resolver and are unaffected.
 */
final class AllowlistBeanResolver extends JinjavaBeanELResolver {
  private static final List<Class<?>> ALLOWED =
      List.of(
          TemplateMacros.class,
          TemplateDateTime.class,
          UuidMacros.class,
          UuidMacros.Uuid.class,
          // Jinjava compiles "x | f" and "x is t" into calls on its filter and test objects.
          Filter.class,
          ExpTest.class,
          ForLoop.class);

  /** Jinjava's dict, list, namespace and safe-string wrappers live here. */
  private static final String JINJAVA_OBJECTS = "com.hubspot.jinjava.objects.";

  AllowlistBeanResolver() {
    super(true);
  }

  static boolean isAllowed(Object base) {
    if (base == null) {
      return false;
    }
    for (Class<?> type : ALLOWED) {
      if (type.isInstance(base)) {
        return true;
      }
    }
    return base.getClass().getName().startsWith(JINJAVA_OBJECTS);
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    if (base == null || isAllowed(base)) {
      return super.getValue(context, base, property);
    }
    // Resolved to nothing, like a missing attribute: "| default" still applies, and strict mode
    // fails the render otherwise. Left unresolved, Jinjava would render "" with a mere warning.
    context.setPropertyResolved(true);
    return null;
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    return isAllowed(base) ? super.getType(context, base, property) : null;
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    return !isAllowed(base) || super.isReadOnly(context, base, property);
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    if (isAllowed(base)) {
      super.setValue(context, base, property, value);
    }
  }

  @Override
  public Object invoke(
      ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    if (base != null && !isAllowed(base)) {
      throw new MethodNotFoundException(
          "method '"
              + method
              + "' cannot be called on a "
              + base.getClass().getSimpleName()
              + " in a template");
    }
    return super.invoke(context, base, method, paramTypes, params);
  }
}
