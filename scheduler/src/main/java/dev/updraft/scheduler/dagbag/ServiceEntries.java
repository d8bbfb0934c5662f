package dev.updraft.scheduler.dagbag;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code DagFactory} class names a source lists, as {@code ServiceLoader} reads them. */
final class ServiceEntries {
  private ServiceEntries() {}

  /**
   * The factory class names in the services file of {@code loader}'s own URLs, in file order and
   * once each; empty if it has no such file.
   */
  static Optional<List<String>> read(URLClassLoader loader) throws IOException {
    // findResource, not getResource: the parent (the scheduler's own class path) may list
    // factories too, and those are not this source's.
    URL url = loader.findResource(DagSource.SERVICES_ENTRY);
    if (url == null) {
      return Optional.empty();
    }
    URLConnection connection = url.openConnection();
    // No JVM-wide jar cache: it would keep the jar open after the bag closes its loader. The class
    // loader already has the jar open, so this second handle shares its parsed directory.
    connection.setUseCaches(false);
    try (InputStream in = connection.getInputStream()) {
      return Optional.of(parse(in));
    }
  }

  static List<String> parse(InputStream in) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      int hash = line.indexOf('#');
      String name = (hash < 0 ? line : line.substring(0, hash)).strip();
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }
}
