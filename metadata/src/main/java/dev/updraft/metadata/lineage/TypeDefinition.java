package dev.updraft.metadata.lineage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An artifact, execution or context type: a name (and optional version), the properties its
 * instances may carry as typed properties, and its parent types (same kind, recorded first).
 *
 * @param kind artifact, execution or context
 * @param name the type's name
 * @param version the version, or {@code null}
 * @param description free text, or {@code null}
 * @param properties the typed properties and their data types
 * @param parentTypes names of parent types of the same kind
 */
public record TypeDefinition(
    TypeKind kind,
    String name,
    String version,
    String description,
    Map<String, PropertyType> properties,
    List<String> parentTypes) {

  public TypeDefinition {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    parentTypes = List.copyOf(parentTypes);
  }

  public static TypeDefinition artifactType(String name) {
    return new TypeDefinition(TypeKind.ARTIFACT, name, null, null, Map.of(), List.of());
  }

  public static TypeDefinition executionType(String name) {
    return new TypeDefinition(TypeKind.EXECUTION, name, null, null, Map.of(), List.of());
  }

  public static TypeDefinition contextType(String name) {
    return new TypeDefinition(TypeKind.CONTEXT, name, null, null, Map.of(), List.of());
  }

  /** With a typed property declared. */
  public TypeDefinition withProperty(String propertyName, PropertyType type) {
    Map<String, PropertyType> more = new LinkedHashMap<>(properties);
    more.put(propertyName, type);
    return new TypeDefinition(kind, name, version, description, more, parentTypes);
  }

  /** With {@code parentName} (a type of the same kind) as a parent. */
  public TypeDefinition withParent(String parentName) {
    List<String> parents = new ArrayList<>(parentTypes);
    parents.add(parentName);
    return new TypeDefinition(kind, name, version, description, properties, parents);
  }

  public TypeDefinition withVersion(String newVersion) {
    return new TypeDefinition(kind, name, newVersion, description, properties, parentTypes);
  }

  public TypeDefinition withDescription(String newDescription) {
    return new TypeDefinition(kind, name, version, newDescription, properties, parentTypes);
  }
}
