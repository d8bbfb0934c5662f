package dev.updraft.scheduler.timetable.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/** Lends Quartz connections from the metadata pool, which is not Quartz's to close. */
public final class PooledConnections implements ConnectionProvider {
  private final DataSource dataSource;

  public PooledConnections(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return dataSource.getConnection();
  }

  @Override
  public void shutdown() {
    // Quartz calls this when it stops; the metadata database closes its own pool.
  }

  @Override
  public void initialize() {}
}
