package dev.updraft.web.server;

import io.javalin.Javalin;

/**
 * A set of routes mounted on the {@link ApiServer}'s app before it starts, e.g. {@code app ->
 * ExecutionApi.register(app, deps)}. Route groups answer with their own JSON and must not rely on
 * the app's JSON mapper.
 */
@FunctionalInterface
public interface RouteGroup {

  /**
   * Adds this group's routes (and exception handlers for its own exception types) to {@code app}.
   */
  void register(Javalin app);
}
