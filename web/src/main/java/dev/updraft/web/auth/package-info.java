/**
 * Airflow 3's simple auth manager: users and roles from configuration, generated passwords kept in
 * {@code $UPDRAFT_HOME/simple_auth_manager_passwords.json.generated}, and HS512 JWTs for logged-in
 * users. The HTTP login routes live with the REST API.
 */
package dev.updraft.web.auth;
