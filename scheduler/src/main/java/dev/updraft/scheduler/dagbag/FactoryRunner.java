package dev.updraft.scheduler.dagbag;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagFactory;
import dev.updraft.sdk.DagValidationException;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.compile.DagCompiler;
import java.lang.reflect.InvocationTargetException;
import java.util.function.Consumer;

/**
 * Turns one factory class into a compiled DAG, or into an import error: whatever the factory's code
 * throws, including errors, is reported rather than propagated, so one broken DAG cannot stop the
 * bag from loading the others.
 */
final class FactoryRunner {
  private FactoryRunner() {}

  /**
   * Loads {@code className} from {@code loader}, instantiates it and compiles the DAG it creates.
   *
   * @param source the jar or class folder, for the results
   */
  static void runClass(
      String className,
      ClassLoader loader,
      String source,
      Consumer<LoadedDag> dags,
      Consumer<ImportError> errors) {
    String step = "could not be loaded";
    try {
      // Not initialized yet: a class that is no factory should not run its static code.
      Class<?> type = Class.forName(className, false, loader);
      if (!DagFactory.class.isAssignableFrom(type)) {
        errors.accept(
            ImportError.of(
                source,
                "class '" + className + "' does not implement " + DagFactory.class.getName(),
                null));
        return;
      }
      step = "could not be instantiated";
      DagFactory factory = (DagFactory) type.getConstructor().newInstance();
      run(factory, source, dags, errors);
    } catch (ClassNotFoundException e) {
      errors.accept(
          ImportError.of(
              source,
              "DAG factory class '"
                  + className
                  + "' listed in "
                  + DagSource.SERVICES_ENTRY
                  + " was not found",
              e));
    } catch (NoSuchMethodException e) {
      errors.accept(
          ImportError.of(
              source, "DAG factory '" + className + "' has no public no-argument constructor", e));
    } catch (Throwable e) {
      Throwable cause = unwrap(e);
      errors.accept(
          ImportError.of(
              source, "DAG factory '" + className + "' " + step + ": " + describe(cause), cause));
    }
  }

  /**
   * Calls {@code factory} and compiles its DAG.
   *
   * @param source where the factory came from, {@code null} for a registered one
   */
  static void run(
      DagFactory factory, String source, Consumer<LoadedDag> dags, Consumer<ImportError> errors) {
    String className = factory.getClass().getName();
    String origin = source != null ? source : className;
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    // DAG code that looks up resources or services expects its own loader, as in a task runner.
    thread.setContextClassLoader(factory.getClass().getClassLoader());
    try {
      Dag dag = factory.create();
      if (dag == null) {
        errors.accept(
            ImportError.of(origin, "DAG factory '" + className + "' returned null", null));
        return;
      }
      CompiledDag compiled = DagCompiler.compile(dag);
      dags.accept(new LoadedDag(compiled, source, className));
    } catch (DagValidationException e) {
      errors.accept(
          ImportError.of(origin, "DAG factory '" + className + "': " + e.getMessage(), e));
    } catch (Throwable e) {
      errors.accept(
          ImportError.of(origin, "DAG factory '" + className + "' failed: " + describe(e), e));
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static Throwable unwrap(Throwable e) {
    if (e instanceof InvocationTargetException && e.getCause() != null) {
      return e.getCause();
    }
    return e;
  }

  private static String describe(Throwable e) {
    String text = e.getClass().getName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
    if (e instanceof ExceptionInInitializerError && e.getCause() != null) {
      text += " caused by " + describe(e.getCause());
    }
    return text;
  }
}
