package dev.updraft.web.api.internal.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.updraft.metadata.state.ConnectionRecord;
import dev.updraft.metadata.state.ConnectionRepository;
import dev.updraft.web.api.internal.JsonBody;
import dev.updraft.web.api.internal.ValidationErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code PATCH /api/v2/connections}: Airflow's {@code BulkBody[ConnectionBody]}, a list of create,
 * update and delete actions run in order. An action that finds ids it must not (existing ones to
 * create with {@code fail}, missing ones to update or delete with {@code fail}) changes nothing and
 * reports the error in its {@code BulkActionResponse}, as Airflow's {@code BulkConnectionService}.
 */
final class BulkConnections {
  private static final List<String> ON_EXISTENCE = List.of("fail", "skip", "overwrite");
  private static final List<String> ON_NON_EXISTENCE = List.of("fail", "skip");

  /** One validated action. */
  sealed interface Action {
    String tag();
  }

  record Create(List<ConnectionInput> connections, String onExistence) implements Action {
    public String tag() {
      return "create";
    }
  }

  record Update(List<ConnectionInput> connections, String onNonExistence, List<String> mask)
      implements Action {
    public String tag() {
      return "update";
    }
  }

  record Delete(List<String> names, String onNonExistence) implements Action {
    public String tag() {
      return "delete";
    }
  }

  private final ConnectionRepository connections;

  BulkConnections(ConnectionRepository connections) {
    this.connections = connections;
  }

  /** Reads the actions; errors go to {@code errors} (the caller throws the 422). */
  static List<Action> read(JsonBody body, ValidationErrors errors) {
    body.forbidExtras(Set.of("actions"));
    JsonNode actions = body.raw("actions");
    List<Action> read = new ArrayList<>();
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
      Action action = readAction(actions.get(i), List.of("body", "actions", i), errors);
      if (action != null) {
        read.add(action);
      }
    }
    return read;
  }

  private static Action readAction(JsonNode node, List<Object> loc, ValidationErrors errors) {
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
        List<ConnectionInput> entities = connectionEntities(object, at, errors);
        yield on == null || entities == null ? null : new Create(entities, on);
      }
      case "update" -> {
        action.forbidExtras(Set.of("action", "entities", "action_on_non_existence", "update_mask"));
        String on = choice(action, "action_on_non_existence", ON_NON_EXISTENCE, at, errors);
        List<String> mask = stringList(object.get("update_mask"), at, errors);
        List<ConnectionInput> entities = connectionEntities(object, at, errors);
        yield on == null || entities == null || mask == null
            ? null
            : new Update(entities, on, mask);
      }
      default -> {
        action.forbidExtras(Set.of("action", "entities", "action_on_non_existence"));
        String on = choice(action, "action_on_non_existence", ON_NON_EXISTENCE, at, errors);
        List<String> names = deleteEntities(object, at, errors);
        yield on == null || names == null ? null : new Delete(names, on);
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
    String expected =
        allowed.subList(0, allowed.size() - 1).stream()
                .map(a -> "'" + a + "'")
                .collect(Collectors.joining(", "))
            + " or '"
            + allowed.getLast()
            + "'";
    errors.add(
        "enum",
        ValidationErrors.loc(at, field),
        "Input should be " + expected,
        JsonBody.plain(value),
        Map.of("expected", expected));
    return null;
  }

  private static JsonNode entities(ObjectNode action, List<Object> at, ValidationErrors errors) {
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

  private static List<ConnectionInput> connectionEntities(
      ObjectNode action, List<Object> at, ValidationErrors errors) {
    JsonNode entities = entities(action, at, errors);
    if (entities == null) {
      return null;
    }
    List<ConnectionInput> read = new ArrayList<>();
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
      ConnectionInput connection =
          ConnectionInput.read(new JsonBody(entity, loc, errors), errors, loc);
      ok &= connection != null;
      read.add(connection);
    }
    return ok ? read : null;
  }

  private static List<String> deleteEntities(
      ObjectNode action, List<Object> at, ValidationErrors errors) {
    JsonNode entities = entities(action, at, errors);
    if (entities == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    boolean ok = true;
    for (int j = 0; j < entities.size(); j++) {
      JsonNode entity = entities.get(j);
      List<Object> loc = ValidationErrors.loc(at, "entities", j);
      if (entity.isTextual()) {
        names.add(entity.textValue());
      } else if (entity instanceof ObjectNode object) {
        ConnectionInput connection =
            ConnectionInput.read(new JsonBody(object, loc, errors), errors, loc);
        ok &= connection != null;
        names.add(connection == null ? null : connection.connectionId());
      } else {
        errors.add("string_type", loc, "Input should be a valid string", JsonBody.plain(entity));
        ok = false;
      }
    }
    return ok ? names : null;
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
  Map<String, Object> apply(List<Action> actions) {
    Map<String, Object> response = new LinkedHashMap<>();
    for (Action action : actions) {
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
        case Create create -> create(create, result);
        case Update update -> update(update, result);
        case Delete delete -> delete(delete, result);
      }
    }
    return response;
  }

  private void create(Create action, Map<String, List<Object>> result) {
    List<String> existing =
        action.connections().stream()
            .map(ConnectionInput::connectionId)
            .filter(connections::exists)
            .toList();
    if (!existing.isEmpty() && action.onExistence().equals("fail")) {
      result.get("errors").add(error("already exist", existing, 409));
      return;
    }
    for (ConnectionInput connection : action.connections()) {
      boolean exists = existing.contains(connection.connectionId());
      if (exists && action.onExistence().equals("skip")) {
        continue;
      }
      connections.set(connection.record());
      result.get("success").add(connection.connectionId());
    }
  }

  private void update(Update action, Map<String, List<Object>> result) {
    List<String> missing =
        action.connections().stream()
            .map(ConnectionInput::connectionId)
            .filter(id -> !connections.exists(id))
            .toList();
    if (!missing.isEmpty() && action.onNonExistence().equals("fail")) {
      result.get("errors").add(error("were not found", missing, 404));
      return;
    }
    for (ConnectionInput connection : action.connections()) {
      ConnectionRecord current = connections.get(connection.connectionId()).orElse(null);
      if (current == null) {
        continue;
      }
      Set<String> fields = new java.util.HashSet<>(connection.sent());
      if (!action.mask().isEmpty()) {
        fields.retainAll(action.mask());
      }
      connections.set(ConnectionRoutes.merge(current, connection.record(), fields));
      result.get("success").add(connection.connectionId());
    }
  }

  private void delete(Delete action, Map<String, List<Object>> result) {
    List<String> missing = action.names().stream().filter(id -> !connections.exists(id)).toList();
    if (!missing.isEmpty() && action.onNonExistence().equals("fail")) {
      result.get("errors").add(error("were not found", missing, 404));
      return;
    }
    for (String id : action.names()) {
      if (connections.delete(id)) {
        result.get("success").add(id);
      }
    }
  }

  /** Airflow's message, naming the connections as a Python set prints them. */
  private static Map<String, Object> error(String what, List<String> ids, int status) {
    String set = ids.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("error", "The connections with these connection_ids: {" + set + "} " + what + ".");
    error.put("status_code", status);
    return error;
  }
}
