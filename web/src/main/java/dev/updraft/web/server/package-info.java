/**
 * The API server: {@link dev.updraft.web.server.ApiServer} runs one Javalin server with the login,
 * health and version endpoints, and mounts further {@link dev.updraft.web.server.RouteGroup}s such
 * as the execution API.
 */
package dev.updraft.web.server;
