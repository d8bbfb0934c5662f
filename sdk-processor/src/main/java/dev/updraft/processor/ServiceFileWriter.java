package dev.updraft.processor;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.NoSuchFileException;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes a {@code META-INF/services} file in the class output, keeping the entries an earlier
 * (incremental) compilation left there, which this compilation's sources may not include.
 */
final class ServiceFileWriter {
  private final Filer filer;
  private final Messager messager;

  ServiceFileWriter(Filer filer, Messager messager) {
    this.filer = filer;
    this.messager = messager;
  }

  /** Writes {@code entries} plus the existing ones, sorted and once each; nothing if none. */
  void write(String service, Set<String> entries) {
    String path = "META-INF/services/" + service;
    Set<String> all = new TreeSet<>(entries);
    try {
      all.addAll(readExisting(path));
      if (all.isEmpty()) {
        return;
      }
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path);
      try (Writer writer = file.openWriter()) {
        for (String entry : all) {
          writer.write(entry);
          writer.write('\n');
        }
      }
    } catch (IOException e) {
      messager.printMessage(Diagnostic.Kind.ERROR, "could not write " + path + ": " + e);
    }
  }

  private Set<String> readExisting(String path) throws IOException {
    Set<String> existing = new TreeSet<>();
    FileObject file;
    try {
      file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", path);
    } catch (IOException | IllegalArgumentException e) {
      return existing; // some file managers refuse to look up a missing file
    }
    try (Reader reader = file.openReader(true);
        BufferedReader lines = new BufferedReader(reader)) {
      String line;
      while ((line = lines.readLine()) != null) {
        String entry = stripComment(line).strip();
        if (!entry.isEmpty()) {
          existing.add(entry);
        }
      }
    } catch (NoSuchFileException | FileNotFoundException e) {
      // a first build: nothing to merge
    }
    return existing;
  }

  /** Drops a {@code #} comment, as {@code ServiceLoader} does. */
  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    return hash < 0 ? line : line.substring(0, hash);
  }
}
