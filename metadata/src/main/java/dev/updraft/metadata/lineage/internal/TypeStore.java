package dev.updraft.metadata.lineage.internal;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.lineage.PropertyType;
import dev.updraft.metadata.lineage.TypeDefinition;
import dev.updraft.metadata.lineage.TypeKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jdbi.v3.core.Handle;

/**
 * Gets or creates types, each in its own short transaction, and caches them: types are never
 * deleted, so a cached id stays valid, and the hot write path needs no look-ups. Only committed
 * types are cached.
 */
public final class TypeStore {
  private final MetadataDatabase db;
  private final ConcurrentMap<Key, ResolvedType> cache = new ConcurrentHashMap<>();

  private record Key(TypeKind kind, String name, String version) {}

  public TypeStore(MetadataDatabase db) {
    this.db = db;
  }

  /**
   * Creates the type, or adds the properties and parents it lacks (ML Metadata's "can add fields");
   * a property declared with another data type is an error.
   */
  public ResolvedType put(TypeDefinition definition) {
    Key key = new Key(definition.kind(), definition.name(), version(definition.version()));
    ResolvedType cached = cache.get(key);
    if (cached != null
        && cached.properties().entrySet().containsAll(definition.properties().entrySet())
        && definition.parentTypes().isEmpty()) {
      return cached;
    }
    ResolvedType type =
        Sql.retryOnUniqueViolation(() -> db.inTransaction(h -> putIn(h, definition)));
    cache.put(key, type);
    return type;
  }

  /** The unversioned type {@code name}, created without properties if it does not exist. */
  public ResolvedType resolve(TypeKind kind, String name) {
    ResolvedType cached = cache.get(new Key(kind, name, ""));
    if (cached != null) {
      return cached;
    }
    return find(kind, name)
        .orElseGet(() -> put(new TypeDefinition(kind, name, null, null, Map.of(), List.of())));
  }

  /**
   * The unversioned type {@code name} (created bare if missing), checked to declare the typed
   * {@code values}; a cached declaration that lacks one is re-read once first.
   *
   * @throws IllegalArgumentException when the type does not declare a value as typed
   */
  public ResolvedType checked(TypeKind kind, String name, Map<String, Object> values) {
    ResolvedType type = resolve(kind, name);
    if (!type.declares(values)) {
      type = refresh(type);
      type.requireDeclares(values);
    }
    return type;
  }

  /** The unversioned type {@code name}, if it exists; re-read from the database on a miss. */
  public Optional<ResolvedType> find(TypeKind kind, String name) {
    Key key = new Key(kind, name, "");
    ResolvedType cached = cache.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<ResolvedType> found = db.withHandle(h -> load(h, kind, name, ""));
    found.ifPresent(type -> cache.put(key, type));
    return found;
  }

  /** The type re-read from the database (another writer may have added properties). */
  public ResolvedType refresh(ResolvedType type) {
    Key key = new Key(type.kind(), type.name(), "");
    cache.remove(key);
    return find(type.kind(), type.name()).orElse(type);
  }

  /** A type's full definition: properties and parent names. */
  public Optional<TypeDefinition> definition(TypeKind kind, String name, String version) {
    return db.withHandle(
        h ->
            load(h, kind, name, version(version))
                .map(
                    type -> {
                      List<String> parents =
                          h.createQuery(
                                  "SELECT p.name FROM parent_type pt JOIN type p ON p.id ="
                                      + " pt.parent_type_id WHERE pt.type_id = ? ORDER BY p.name")
                              .bind(0, type.id())
                              .mapTo(String.class)
                              .list();
                      String description =
                          h.createQuery("SELECT description FROM type WHERE id = ?")
                              .bind(0, type.id())
                              .mapTo(String.class)
                              .one();
                      return new TypeDefinition(
                          kind, name, version, description, type.properties(), parents);
                    }));
  }

  private ResolvedType putIn(Handle h, TypeDefinition definition) {
    String version = version(definition.version());
    h.createUpdate(
            "INSERT INTO type (name, version, type_kind, description) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING")
        .bind(0, definition.name())
        .bind(1, version)
        .bind(2, definition.kind().code())
        .bind(3, definition.description())
        .execute();
    ResolvedType existing = load(h, definition.kind(), definition.name(), version).orElseThrow();
    for (Map.Entry<String, PropertyType> property : definition.properties().entrySet()) {
      PropertyType declared = existing.properties().get(property.getKey());
      if (declared == null) {
        h.createUpdate(
                "INSERT INTO type_property (type_id, name, data_type) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING")
            .bind(0, existing.id())
            .bind(1, property.getKey())
            .bind(2, property.getValue().code())
            .execute();
      }
    }
    ResolvedType type = load(h, definition.kind(), definition.name(), version).orElseThrow();
    definition
        .properties()
        .forEach(
            (name, dataType) -> {
              if (type.properties().get(name) != dataType) {
                throw new IllegalArgumentException(
                    "type "
                        + definition.name()
                        + " declares property '"
                        + name
                        + "' as "
                        + type.properties().get(name)
                        + ", not "
                        + dataType);
              }
            });
    for (String parent : definition.parentTypes()) {
      ResolvedType parentType =
          load(h, definition.kind(), parent, "")
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "parent type " + parent + " of " + definition.name() + " is unknown"));
      h.createUpdate(
              "INSERT INTO parent_type (type_id, parent_type_id) VALUES (?, ?)"
                  + " ON CONFLICT DO NOTHING")
          .bind(0, type.id())
          .bind(1, parentType.id())
          .execute();
    }
    return type;
  }

  private static Optional<ResolvedType> load(Handle h, TypeKind kind, String name, String version) {
    Optional<Long> id =
        h.createQuery("SELECT id FROM type WHERE name = ? AND version = ? AND type_kind = ?")
            .bind(0, name)
            .bind(1, version)
            .bind(2, kind.code())
            .mapTo(Long.class)
            .findOne();
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Map<String, PropertyType> properties = new LinkedHashMap<>();
    h.createQuery("SELECT name, data_type FROM type_property WHERE type_id = ? ORDER BY name")
        .bind(0, id.get())
        .map((rs, ctx) -> Map.entry(rs.getString(1), PropertyType.ofCode(rs.getInt(2))))
        .forEach(entry -> properties.put(entry.getKey(), entry.getValue()));
    return Optional.of(new ResolvedType(id.get(), kind, name, properties));
  }

  private static String version(String version) {
    return version == null ? "" : version;
  }
}
