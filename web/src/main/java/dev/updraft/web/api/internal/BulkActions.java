package dev.updraft.web.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Airflow's bulk {@code PATCH} of a collection ({@code BulkBody[…Body]}): a list of create, update
 * and delete actions run in order. An action that finds keys it must not (existing ones to create
 * with {@code fail}, missing ones to update or delete with {@code fail}) changes nothing and
 * reports the error in its {@code BulkActionResponse}, as Airflow's {@code BulkService} subclasses
 * do. The reading (with pydantic's 422 errors) and the running are the same for every resource;
 * {@link BulkTarget} supplies what differs.
 *
 * @param <E> an entity as read from a request body
 */
public final class BulkActions<E> {
  private static final List<String> ON_EXISTENCE = List.of("fail", "skip", "overwrite");
  private static final List<String> ON_NON_EXISTENCE = List.of("fail", "skip");

  /** One validated action. */
  public sealed interface Action<E> {
    String tag();
  }

  record Create<E>(List<E> entities, String onExistence) implements Action<E> {
    public String tag() {
      return "create";
    }
  }

  record Update<E>(
      List<E> entities, String onNonExistence, List<String> mask, List<List<String>> sent)
      implements Action<E> {
    public String tag() {
      return "update";
    }
  }

  record Delete<E>(List<String> keys, String onNonExistence) implements Action<E> {
    public String tag() {
      return "delete";
    }
  }

  private final BulkTarget<E> target;
  private final String naming;

  /**
   * @param naming how Airflow's messages name a set of keys, e.g. {@code "pools with these pool
   *     names"}
   */
  public BulkActions(BulkTarget<E> target, String naming) {
    this.target = target;
    this.naming = naming;
  }

  /** Reads the actions; errors go to {@code errors} (the caller throws the 422). */
  public List<Action<E>> read(JsonBody body, ValidationErrors errors) {
    body.forbidExtras(Set.of("actions"));
    JsonNode actions = body.raw("actions");
    List<Action<E>> read = new ArrayList<>();
    if (actions == null) {
      errors.add("missing", List.of("body", "actions"), "Field required", body.plain());
      return read;
    }
    if (!actions.isArray()) {
      errors.add(
          "list_type",
          List.of("body", "actions"),
          "Input should be a valid list",
          JsonBody.plain(actions));
      return read;
    }
    for (int i = 0; i < actions.size(); i++) {
      Action<E> action = readAction(actions.get(i), List.of("body", "actions", i), errors);
      if (action != null) {
        read.add(action);
      }
    }
    return read;
  }

  private Action<E> readAction(JsonNode node, List<Object> loc, ValidationErrors errors) {
    if (!(node instanceof ObjectNode object)) {
      errors.add(
          "model_attributes_type",
          loc,
          "Input should be a valid dictionary or object to extract fields from",
          JsonBody.plain(node));
      return null;
    }
    JsonNode tagNode = object.get("action");
    String tag = tagNode == null ? null : tagNode.asText();
    if (tagNode == null || !List.of("create", "update", "delete").contains(tag)) {
      if (tagNode == null) {
        errors.add(
            "union_tag_not_found",
            loc,
            "Unable to extract tag using discriminator 'action'",
            JsonBody.plain(object),
            Map.of("discriminator", "'action'"));
      } else {
        errors.add(
            "union_tag_invalid",
            loc,
            "Input tag '"
                + tag
                + "' found using 'action' does not match any of the expected tags: 'create',"
                + " 'update', 'delete'",
            JsonBody.plain(object),
            Map.of(
                "discriminator", "'action'",
                "tag", tag,
                "expected_tags", "'create', 'update', 'delete'"));
      }
      return null;
    }
    JsonBody action = new JsonBody(object, ValidationErrors.loc(loc, tag), errors);
    List<Object> at = ValidationErrors.loc(loc, tag);
    return switch (tag) {
      case "create" -> {
        action.forbidExtras(Set.of("action", "entities", "action_on_existence"));
        String on = choice(action, "action_on_existence", ON_EXISTENCE, at, errors);
        List<E> entities = entities(object, at, errors, null);
        yield on == null || entities == null ? null : new Create<>(entities, on);
      }
      case "update" -> {
        action.forbidExtras(Set.of("action", "entities", "action_on_non_existence", "update_mask"));
        String on = choice(action, "action_on_non_existence", ON_NON_EXISTENCE, at, errors);
        List<String> mask = stringList(object.get("update_mask"), at, errors);
        List<List<String>> sent = new ArrayList<>();
        List<E> entities = entities(object, at, errors, sent);
        yield on == null || entities == null || mask == null
            ? null
            : new Update<>(entities, on, mask, sent);
      }
      default -> {
        action.forbidExtras(Set.of("action", "entities", "action_on_non_existence"));
        String on = choice(action, "action_on_non_existence", ON_NON_EXISTENCE, at, errors);
        List<String> keys = deleteKeys(object, at, errors);
        yield on == null || keys == null ? null : new Delete<>(keys, on);
      }
    };
  }

  private static String choice(
      JsonBody action,
      String field,
      List<String> allowed,
      List<Object> at,
      ValidationErrors errors) {
    JsonNode value = action.raw(field);
    if (value == null) {
      return "fail";
    }
    if (value.isTextual() && allowed.contains(value.textValue())) {
      return value.textValue();
    }
    String expected = ValidationErrors.choices(allowed);
    errors.add(
        "enum",
        ValidationErrors.loc(at, field),
        "Input should be " + expected,
        JsonBody.plain(value),
        Map.of("expected", expected));
    return null;
  }

  private static JsonNode entityNodes(ObjectNode action, List<Object> at, ValidationErrors errors) {
    JsonNode entities = action.get("entities");
    if (entities == null) {
      errors.add(
          "missing",
          ValidationErrors.loc(at, "entities"),
          "Field required",
          JsonBody.plain(action));
      return null;
    }
    if (!entities.isArray()) {
      errors.add(
          "list_type",
          ValidationErrors.loc(at, "entities"),
          "Input should be a valid list",
          JsonBody.plain(entities));
      return null;
    }
    return entities;
  }

  /**
   * @param sent where each entity's field names go (for updates), or {@code null}
   */
  private List<E> entities(
      ObjectNode action, List<Object> at, ValidationErrors errors, List<List<String>> sent) {
    JsonNode entities = entityNodes(action, at, errors);
    if (entities == null) {
      return null;
    }
    List<E> read = new ArrayList<>();
    boolean ok = true;
    for (int j = 0; j < entities.size(); j++) {
      List<Object> loc = ValidationErrors.loc(at, "entities", j);
      if (!(entities.get(j) instanceof ObjectNode entity)) {
        errors.add(
            "model_attributes_type",
            loc,
            "Input should be a valid dictionary or object to extract fields from",
            JsonBody.plain(entities.get(j)));
        ok = false;
        continue;
      }
      JsonBody body = new JsonBody(entity, loc, errors);
      E value = target.read(body, errors, loc);
      ok &= value != null;
      read.add(value);
      if (sent != null) {
        sent.add(body.fieldNames());
      }
    }
    return ok ? read : null;
  }

  // A delete names its entities by key, or by a whole entity body.
  private List<String> deleteKeys(ObjectNode action, List<Object> at, ValidationErrors errors) {
    JsonNode entities = entityNodes(action, at, errors);
    if (entities == null) {
      return null;
    }
    List<String> keys = new ArrayList<>();
    boolean ok = true;
    for (int j = 0; j < entities.size(); j++) {
      JsonNode entity = entities.get(j);
      List<Object> loc = ValidationErrors.loc(at, "entities", j);
      if (entity.isTextual()) {
        keys.add(entity.textValue());
      } else if (entity instanceof ObjectNode object) {
        E value = target.read(new JsonBody(object, loc, errors), errors, loc);
        ok &= value != null;
        keys.add(value == null ? null : target.key(value));
      } else {
        errors.add("string_type", loc, "Input should be a valid string", JsonBody.plain(entity));
        ok = false;
      }
    }
    return ok ? keys : null;
  }

  private static List<String> stringList(JsonNode value, List<Object> at, ValidationErrors errors) {
    if (value == null || value.isNull()) {
      return List.of();
    }
    List<Object> loc = ValidationErrors.loc(at, "update_mask");
    if (!value.isArray()) {
      errors.add("list_type", loc, "Input should be a valid list", JsonBody.plain(value));
      return null;
    }
    List<String> strings = new ArrayList<>();
    for (int k = 0; k < value.size(); k++) {
      if (!value.get(k).isTextual()) {
        errors.add(
            "string_type",
            ValidationErrors.loc(loc, k),
            "Input should be a valid string",
            JsonBody.plain(value.get(k)));
        return null;
      }
      strings.add(value.get(k).textValue());
    }
    return strings;
  }

  /** Runs the actions in order; Airflow's {@code BulkResponse} with a key per action kind used. */
  public Map<String, Object> apply(List<Action<E>> actions) {
    Map<String, Object> response = new LinkedHashMap<>();
    for (Action<E> action : actions) {
      @SuppressWarnings("unchecked")
      Map<String, List<Object>> result =
          (Map<String, List<Object>>)
              response.computeIfAbsent(
                  action.tag(),
                  k -> {
                    Map<String, List<Object>> r = new LinkedHashMap<>();
                    r.put("success", new ArrayList<>());
                    r.put("errors", new ArrayList<>());
                    return r;
                  });
      switch (action) {
        case Create<E> create -> create(create, result);
        case Update<E> update -> update(update, result);
        case Delete<E> delete -> delete(delete, result);
      }
    }
    return response;
  }

  private void create(Create<E> action, Map<String, List<Object>> result) {
    List<String> existing =
        action.entities().stream().map(target::key).distinct().filter(target::exists).toList();
    if (!existing.isEmpty() && action.onExistence().equals("fail")) {
      result.get("errors").add(error("already exist", existing, 409));
      return;
    }
    for (E entity : action.entities()) {
      String key = target.key(entity);
      if (existing.contains(key) && action.onExistence().equals("skip")) {
        continue;
      }
      target.put(entity);
      result.get("success").add(key);
    }
  }

  private void update(Update<E> action, Map<String, List<Object>> result) {
    List<String> missing =
        action.entities().stream()
            .map(target::key)
            .distinct()
            .filter(key -> !target.exists(key))
            .toList();
    if (!missing.isEmpty() && action.onNonExistence().equals("fail")) {
      result.get("errors").add(error("were not found", missing, 404));
      return;
    }
    for (int i = 0; i < action.entities().size(); i++) {
      E entity = action.entities().get(i);
      if (missing.contains(target.key(entity))) {
        continue;
      }
      target.update(entity, action.sent().get(i), action.mask());
      result.get("success").add(target.key(entity));
    }
  }

  private void delete(Delete<E> action, Map<String, List<Object>> result) {
    var refused = target.refuseDelete(action.keys());
    if (refused.isPresent()) {
      result.get("errors").add(refused.get());
      return;
    }
    List<String> keys = action.keys().stream().distinct().toList();
    List<String> missing = keys.stream().filter(key -> !target.exists(key)).toList();
    if (!missing.isEmpty() && action.onNonExistence().equals("fail")) {
      result.get("errors").add(error("were not found", missing, 404));
      return;
    }
    for (String key : keys) {
      if (target.delete(key)) {
        result.get("success").add(key);
      }
    }
  }

  /** Airflow's message, naming the keys as a Python set prints them. */
  private Map<String, Object> error(String what, List<String> keys, int status) {
    String set = keys.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", "));
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("error", "The " + naming + ": {" + set + "} " + what + ".");
    error.put("status_code", status);
    return error;
  }
}
