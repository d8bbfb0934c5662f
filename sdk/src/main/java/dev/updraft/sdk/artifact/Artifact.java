package dev.updraft.sdk.artifact;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A typed output of one execution and input of others: a URI where its payload lives, a type name,
 * properties, and (once recorded) an id in the metadata store. Subclasses name their type with
 * {@link ArtifactType} and need a public no-argument constructor, so that the runtime can create
 * them by type.
 */
public class Artifact {
  private Long id;
  private String uri;
  private ArtifactState state = ArtifactState.PENDING;
  private final Map<String, Object> properties = new LinkedHashMap<>();

  /** The type name from this class's {@link ArtifactType}. */
  public final String typeName() {
    return typeName(getClass());
  }

  /** The type name of {@code type}, from its {@link ArtifactType}. */
  public static String typeName(Class<? extends Artifact> type) {
    ArtifactType annotation = type.getAnnotation(ArtifactType.class);
    if (annotation == null) {
      throw new IllegalArgumentException(
          "artifact class " + type.getName() + " is not annotated @ArtifactType");
    }
    return annotation.value();
  }

  /** A new, unrecorded artifact of {@code type}. */
  public static <T extends Artifact> T create(Class<T> type) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (NoSuchMethodException
        | InstantiationException
        | IllegalAccessException
        | InvocationTargetException e) {
      throw new IllegalArgumentException(
          "artifact class " + type.getName() + " needs a public no-argument constructor", e);
    }
  }

  /** The id the metadata store gave this artifact, or {@code null} before it is recorded. */
  public Long id() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  /** Where the payload lives (a directory URI for most types). */
  public String uri() {
    return uri;
  }

  public void setUri(String uri) {
    this.uri = uri;
  }

  /** The payload's location as a local path; the URI must be a {@code file:} URI or a path. */
  public Path path() {
    Objects.requireNonNull(uri, "artifact has no uri yet");
    return uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri);
  }

  public ArtifactState state() {
    return state;
  }

  public void setState(ArtifactState state) {
    this.state = Objects.requireNonNull(state, "state");
  }

  /** Properties (typed and custom alike), in insertion order. */
  public Map<String, Object> properties() {
    return Collections.unmodifiableMap(properties);
  }

  public Object property(String name) {
    return properties.get(name);
  }

  public void setProperty(String name, Object value) {
    properties.put(Objects.requireNonNull(name, "name"), value);
  }

  @Override
  public String toString() {
    return typeName() + "(id=" + id + ", uri=" + uri + ", state=" + state + ")";
  }
}
