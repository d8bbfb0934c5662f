package dev.updraft.runner.internal;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagFactory;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.compile.DagCompiler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The DAGs of each DAG source (a jar or class folder), loaded in a class loader of its own, as the
 * scheduler's DAG bag loads them, and kept while the source's modification time stays the same, so
 * a warm runner serves its next try of the same source without loading it again.
 */
public final class DagSourceCache {
  /** The services file a source lists its factories in (as the DAG bag reads it). */
  static final String SERVICES_ENTRY = "META-INF/services/dev.updraft.sdk.DagFactory";

  private record Loaded(
      long modified,
      URLClassLoader loader,
      Map<String, CompiledDag> dags,
      Map<String, String> errors) {}

  private final ClassLoader parent;
  private final Map<Path, Loaded> bySource = new ConcurrentHashMap<>();

  /**
   * @param parent holds the SDK, shared with the DAGs
   */
  public DagSourceCache(ClassLoader parent) {
    this.parent = parent;
  }

  /**
   * The DAG {@code dagId} of {@code source}.
   *
   * @throws IllegalStateException naming the source when it cannot be read or lacks the DAG
   */
  public CompiledDag dag(Path source, String dagId) throws IOException {
    Loaded loaded = loaded(source);
    CompiledDag dag = loaded.dags().get(dagId);
    if (dag == null) {
      throw new IllegalStateException(
          "DAG '"
              + dagId
              + "' is not defined in "
              + source
              + " (it defines "
              + loaded.dags().keySet()
              + (loaded.errors().isEmpty() ? "" : "; factories that failed: " + loaded.errors())
              + ")");
    }
    return dag;
  }

  /** Loads {@code source} unless it is loaded and unchanged. */
  public void preload(Path source) throws IOException {
    loaded(source);
  }

  private Loaded loaded(Path source) throws IOException {
    Path key = source.toAbsolutePath().normalize();
    long modified = Files.getLastModifiedTime(key).toMillis();
    Loaded loaded = bySource.get(key);
    if (loaded == null || loaded.modified() != modified) {
      if (loaded != null) {
        loaded.loader().close();
      }
      loaded = load(key, modified);
      bySource.put(key, loaded);
    }
    return loaded;
  }

  private Loaded load(Path source, long modified) throws IOException {
    URLClassLoader loader =
        new URLClassLoader(
            "dags:" + source.getFileName(), new URL[] {source.toUri().toURL()}, parent);
    Map<String, CompiledDag> dags = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    // DAG code that looks up resources or services expects its own loader, as in the DAG bag.
    thread.setContextClassLoader(loader);
    try {
      for (String className : factoryClasses(loader)) {
        // One broken factory must not hide the source's other DAGs; the bag reports it already.
        try {
          DagFactory factory =
              (DagFactory) Class.forName(className, true, loader).getConstructor().newInstance();
          Dag dag = factory.create();
          if (dag != null) {
            CompiledDag compiled = DagCompiler.compile(dag);
            dags.put(compiled.dagId(), compiled);
          }
        } catch (Exception | LinkageError e) {
          errors.put(className, String.valueOf(e));
        }
      }
    } finally {
      thread.setContextClassLoader(previous);
    }
    return new Loaded(modified, loader, dags, errors);
  }

  private static Iterable<String> factoryClasses(URLClassLoader loader) throws IOException {
    // findResource: only this source's own services file, not the runner's class path.
    URL url = loader.findResource(SERVICES_ENTRY);
    if (url == null) {
      return java.util.List.of();
    }
    URLConnection connection = url.openConnection();
    connection.setUseCaches(false);
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    try (InputStream in = connection.getInputStream();
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        int hash = line.indexOf('#');
        String name = (hash < 0 ? line : line.substring(0, hash)).strip();
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    }
    return names;
  }
}
