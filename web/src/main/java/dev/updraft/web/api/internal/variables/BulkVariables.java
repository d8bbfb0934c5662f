package dev.updraft.web.api.internal.variables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.updraft.metadata.state.VariableRepository;
import dev.updraft.web.api.internal.JsonBody;
import dev.updraft.web.api.internal.ValidationErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code PATCH /api/v2/variables}: Airflow's {@code BulkBody[VariableBody]}, a list of create,
 * update and delete actions run in order. An action that finds names it must not (existing keys to
 * create with {@code fail}, missing ones to update or delete with {@code fail}) changes nothing and
 * reports the error in its {@code BulkActionResponse}, as Airflow's {@code BulkVariableService}.
 */
final class BulkVariables {
  private static final List<String> ON_EXISTENCE = List.of("fail", "skip", "overwrite");
  private static final List<String> ON_NON_EXISTENCE = List.of("fail", "skip");

  /** One validated action. */
  sealed interface Action {
    String tag();
  }

  record Create(List<VariableInput> variables, String onExistence) implements Action {
    public String tag() {
      return "create";
    }
  }

  record Update(
      List<VariableInput> variables,
      String onNonExistence,
      List<String> mask,
      List<List<String>> sent)
      implements Action {
    public String tag() {
      return "update";
    }
  }

  record Delete(List<String> keys, String onNonExistence) implements Action {
    public String tag() {
      return "delete";
    }
  }

  private final VariableRepository variables;

  BulkVariables(VariableRepository variables) {
    this.variables = variables;
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
        List<VariableInput> entities = variableEntities(object, at, errors, null);
        yield on == null || entities == null ? null : new Create(entities, on);
      }
      case "update" -> {
        action.forbidExtras(Set.of("action", "entities", "action_on_non_existence", "update_mask"));
        String on = choice(action, "action_on_non_existence", ON_NON_EXISTENCE, at, errors);
        List<String> mask = stringList(object.get("update_mask"), at, errors);
        List<List<String>> sent = new ArrayList<>();
        List<VariableInput> entities = variableEntities(object, at, errors, sent);
        yield on == null || entities == null || mask == null
            ? null
            : new Update(entities, on, mask, sent);
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

  private static List<VariableInput> variableEntities(
      ObjectNode action, List<Object> at, ValidationErrors errors, List<List<String>> sent) {
    JsonNode entities = entities(action, at, errors);
    if (entities == null) {
      return null;
    }
    List<VariableInput> variables = new ArrayList<>();
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
      VariableInput variable = VariableInput.read(body);
      ok &= variable != null;
      variables.add(variable);
      if (sent != null) {
        sent.add(body.fieldNames());
      }
    }
    return ok ? variables : null;
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
        VariableInput variable = VariableInput.read(new JsonBody(object, loc, errors));
        ok &= variable != null;
        names.add(variable == null ? null : variable.key());
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
        action.variables().stream()
            .map(VariableInput::key)
            .distinct()
            .filter(k -> variables.find(k).isPresent())
            .toList();
    if (!existing.isEmpty() && action.onExistence().equals("fail")) {
      result.get("errors").add(error("already exist", existing, 409));
      return;
    }
    for (VariableInput variable : action.variables()) {
      if (existing.contains(variable.key()) && action.onExistence().equals("skip")) {
        continue;
      }
      variables.set(variable.key(), variable.value(), variable.description());
      result.get("success").add(variable.key());
    }
  }

  private void update(Update action, Map<String, List<Object>> result) {
    List<String> missing =
        action.variables().stream()
            .map(VariableInput::key)
            .distinct()
            .filter(k -> variables.find(k).isEmpty())
            .toList();
    if (!missing.isEmpty() && action.onNonExistence().equals("fail")) {
      result.get("errors").add(error("were not found", missing, 404));
      return;
    }
    for (int i = 0; i < action.variables().size(); i++) {
      VariableInput variable = action.variables().get(i);
      if (missing.contains(variable.key())) {
        continue;
      }
      VariableRoutes.update(
          variables, variable.key(), variable, action.mask(), action.sent().get(i));
      result.get("success").add(variable.key());
    }
  }

  private void delete(Delete action, Map<String, List<Object>> result) {
    List<String> missing =
        action.keys().stream().distinct().filter(k -> variables.find(k).isEmpty()).toList();
    if (!missing.isEmpty() && action.onNonExistence().equals("fail")) {
      result.get("errors").add(error("were not found", missing, 404));
      return;
    }
    for (String key : action.keys().stream().distinct().toList()) {
      if (variables.delete(key)) {
        result.get("success").add(key);
      }
    }
  }

  /** Airflow's message, naming the variables as a Python set prints them. */
  private static Map<String, Object> error(String what, List<String> names, int status) {
    String set = names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("error", "The variables with these keys: {" + set + "} " + what + ".");
    error.put("status_code", status);
    return error;
  }
}
