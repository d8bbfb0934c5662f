package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.SqlErrors;
import dev.updraft.metadata.state.internal.SqlFilter;
import dev.updraft.metadata.state.internal.Upserts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Connections ({@code connection}) with their password and extra encrypted at rest by a {@link
 * SecretCipher} ({@code is_encrypted}, {@code is_extra_encrypted}). Connections without either need
 * no key.
 */
public final class ConnectionRepository {
  private final MetadataDatabase db;
  private final SecretCipher cipher;

  public ConnectionRepository(MetadataDatabase db, SecretCipher cipher) {
    this.db = db;
    this.cipher = cipher;
  }

  /**
   * The connection {@code connId}, its secrets decrypted, if it exists.
   *
   * @throws IllegalStateException naming the connection when a secret cannot be decrypted (no key,
   *     or another key)
   */
  public Optional<ConnectionRecord> get(String connId) {
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT * FROM connection WHERE conn_id = :connId")
                .bind("connId", connId)
                .map((rs, ctx) -> read(rs))
                .findOne());
  }

  /** Every connection, by id, secrets decrypted. */
  public List<ConnectionRecord> list() {
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT * FROM connection ORDER BY conn_id")
                .map((rs, ctx) -> read(rs))
                .list());
  }

  /** The ids of every connection, without touching secrets (no key needed). */
  public List<String> listIds() {
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT conn_id FROM connection ORDER BY conn_id")
                .mapTo(String.class)
                .list());
  }

  /**
   * Creates or replaces the connection {@code connection.connId()}, encrypting its password and
   * extra.
   *
   * @throws IllegalStateException when it has a password or extra and no key is configured
   */
  public void set(ConnectionRecord connection) {
    String what = describe(connection.connId());
    // Encrypt before opening a transaction, so a missing key fails without touching the database.
    String password = seal(connection.password(), what);
    String extra = seal(connection.extra(), what);
    Upserts.retryOnDuplicate(
        () ->
            db.inTransaction(
                handle -> {
                  if (update(handle, connection, password, extra) == 0) {
                    insert(handle, connection, password, extra);
                  }
                  return null;
                }));
  }

  /** The connections {@code query} selects, secrets decrypted. */
  public List<ConnectionRecord> page(ConnectionQuery query) {
    String orderBy =
        SqlFilter.orderBy(
            query.orderBy().stream()
                .map(o -> o.column() + (o.descending() ? " DESC" : " ASC"))
                .toList());
    return filter(query)
        .page(
            db,
            "SELECT * FROM connection",
            orderBy,
            query.limit(),
            query.offset(),
            (rs, ctx) -> read(rs));
  }

  /** How many connections {@code query} matches, ignoring its limit and offset. */
  public long count(ConnectionQuery query) {
    return filter(query).count(db, "FROM connection");
  }

  /** Whether the connection {@code connId} exists, without touching secrets (no key needed). */
  public boolean exists(String connId) {
    return db.withHandle(
        handle ->
            handle
                    .createQuery("SELECT COUNT(*) FROM connection WHERE conn_id = :connId")
                    .bind("connId", connId)
                    .mapTo(Long.class)
                    .one()
                > 0);
  }

  /**
   * Creates the connection {@code connection.connId()}, encrypting its password and extra.
   *
   * @throws IllegalArgumentException when a connection with that id exists
   * @throws IllegalStateException when it has a password or extra and no key is configured
   */
  public void create(ConnectionRecord connection) {
    String what = describe(connection.connId());
    String password = seal(connection.password(), what);
    String extra = seal(connection.extra(), what);
    try {
      db.inTransaction(
          handle -> {
            insert(handle, connection, password, extra);
            return null;
          });
    } catch (RuntimeException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        throw new IllegalArgumentException(what + " already exists", e);
      }
      throw e;
    }
  }

  /** The stored (encrypted) password of {@code connId}, as the database holds it. */
  public Optional<String> storedPassword(String connId) {
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT password FROM connection WHERE conn_id = :connId")
                .bind("connId", connId)
                .mapTo(String.class)
                .findOne());
  }

  private static SqlFilter filter(ConnectionQuery query) {
    return new SqlFilter().likeAny("conn_id", query.idPatterns());
  }

  /** Deletes the connection {@code connId}; false if it did not exist. */
  public boolean delete(String connId) {
    return db.inTransaction(
        handle ->
            handle
                    .createUpdate("DELETE FROM connection WHERE conn_id = :connId")
                    .bind("connId", connId)
                    .execute()
                > 0);
  }

  private int update(Handle handle, ConnectionRecord c, String password, String extra) {
    return handle
        .createUpdate(
            """
            UPDATE connection SET conn_type = :connType, description = :description,
              host = :host, schema = :schema, login = :login, password = :password, port = :port,
              extra = :extra, is_encrypted = :isEncrypted, is_extra_encrypted = :isExtraEncrypted
            WHERE conn_id = :connId""")
        .bindMethods(c)
        .bind("password", password)
        .bind("extra", extra)
        .bind("isEncrypted", password != null)
        .bind("isExtraEncrypted", extra != null)
        .execute();
  }

  private void insert(Handle handle, ConnectionRecord c, String password, String extra) {
    handle
        .createUpdate(
            """
            INSERT INTO connection (conn_id, conn_type, description, host, schema, login,
              password, port, extra, is_encrypted, is_extra_encrypted)
            VALUES (:connId, :connType, :description, :host, :schema, :login, :password, :port,
              :extra, :isEncrypted, :isExtraEncrypted)""")
        .bindMethods(c)
        .bind("password", password)
        .bind("extra", extra)
        .bind("isEncrypted", password != null)
        .bind("isExtraEncrypted", extra != null)
        .execute();
  }

  private ConnectionRecord read(ResultSet rs) throws SQLException {
    String connId = rs.getString("conn_id");
    String what = describe(connId);
    return new ConnectionRecord(
        connId,
        rs.getString("conn_type"),
        rs.getString("description"),
        rs.getString("host"),
        rs.getString("schema"),
        rs.getString("login"),
        open(rs.getString("password"), rs.getBoolean("is_encrypted"), what),
        rs.getObject("port", Integer.class),
        open(rs.getString("extra"), rs.getBoolean("is_extra_encrypted"), what));
  }

  private String seal(String secret, String what) {
    return secret == null ? null : cipher.encrypt(secret, what);
  }

  // Rows written before encryption (or by hand) may hold plain text; is_encrypted tells which.
  private String open(String stored, boolean encrypted, String what) {
    return stored == null || !encrypted ? stored : cipher.decrypt(stored, what);
  }

  private static String describe(String connId) {
    return "connection '" + connId + "'";
  }
}
