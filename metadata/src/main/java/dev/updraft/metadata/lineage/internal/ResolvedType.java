package dev.updraft.metadata.lineage.internal;

import dev.updraft.metadata.lineage.PropertyType;
import dev.updraft.metadata.lineage.TypeKind;
import java.util.Map;

/**
 * A type as stored: its id and the typed properties it declares.
 *
 * @param id the type's id
 * @param kind artifact, execution or context
 * @param name the type's name
 * @param properties declared properties and their data types
 */
public record ResolvedType(
    long id, TypeKind kind, String name, Map<String, PropertyType> properties) {

  public ResolvedType {
    properties = Map.copyOf(properties);
  }

  /**
   * Checks that typed {@code values} are declared with matching data types.
   *
   * @return whether they are; {@code false} may mean the cached declaration is stale
   */
  public boolean declares(Map<String, Object> values) {
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      PropertyType declared = properties.get(entry.getKey());
      if (declared == null || declared != PropertyValues.typeOf(entry.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** Throws naming the first typed value that the type does not declare as such. */
  public void requireDeclares(Map<String, Object> values) {
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      PropertyType declared = properties.get(entry.getKey());
      PropertyType actual = PropertyValues.typeOf(entry.getValue());
      if (declared == null) {
        throw new IllegalArgumentException(
            "type " + name + " declares no property '" + entry.getKey() + "': make it custom");
      }
      if (declared != actual) {
        throw new IllegalArgumentException(
            "property '"
                + entry.getKey()
                + "' of type "
                + name
                + " is "
                + declared
                + ", not "
                + actual);
      }
    }
  }
}
