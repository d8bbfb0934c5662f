package dev.updraft.scheduler.timetable;

import dev.updraft.scheduler.timetable.internal.PooledConnections;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.quartz.utils.DBConnectionManager;

/**
 * Where a {@link RunRequestScheduler}'s Quartz keeps its jobs and triggers: in memory (one
 * scheduler, H2), or Quartz's clustered JDBC store in the metadata database ({@code qrtz_} tables,
 * PostgreSQL), so that several schedulers sharing the database fire each trigger once between them.
 */
public sealed interface QuartzJobStore {

  /** The Quartz properties for this store. */
  Properties properties();

  /** In memory: jobs live as long as the scheduler. */
  static QuartzJobStore inMemory() {
    return new InMemory();
  }

  /**
   * Quartz's {@code JobStoreTX} with the PostgreSQL delegate, clustered, on {@code dataSource}
   * (whose connections must see the {@code qrtz_} tables).
   *
   * @param clusterName Quartz's scheduler name: schedulers with the same name share jobs
   */
  static QuartzJobStore clusteredPostgres(DataSource dataSource, String clusterName) {
    return new ClusteredPostgres(dataSource, clusterName);
  }

  /** Quartz's {@code RAMJobStore}. */
  record InMemory() implements QuartzJobStore {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    @Override
    public Properties properties() {
      Properties properties = new Properties();
      // Each instance needs its own name: Quartz shares schedulers by name within a JVM.
      properties.setProperty(
          "org.quartz.scheduler.instanceName",
          "updraft-run-requests-" + INSTANCES.incrementAndGet());
      properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
      return properties;
    }
  }

  /** Quartz's clustered {@code JobStoreTX} on PostgreSQL. */
  record ClusteredPostgres(DataSource dataSource, String clusterName) implements QuartzJobStore {
    private static final AtomicInteger DATA_SOURCES = new AtomicInteger();

    public ClusteredPostgres {
      Objects.requireNonNull(dataSource, "dataSource");
      Objects.requireNonNull(clusterName, "clusterName");
    }

    @Override
    public Properties properties() {
      // Quartz looks data sources up by name in a JVM-wide registry; ours wraps the metadata pool.
      String name = "updraft-metadata-" + DATA_SOURCES.incrementAndGet();
      DBConnectionManager.getInstance()
          .addConnectionProvider(name, new PooledConnections(dataSource));
      Properties properties = new Properties();
      properties.setProperty("org.quartz.scheduler.instanceName", clusterName);
      properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
      properties.setProperty(
          "org.quartz.scheduler.instanceIdGenerator.class",
          "dev.updraft.scheduler.timetable.internal.QuartzInstanceIds");
      properties.setProperty(
          "org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
      properties.setProperty(
          "org.quartz.jobStore.driverDelegateClass",
          "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
      properties.setProperty("org.quartz.jobStore.dataSource", name);
      properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
      properties.setProperty("org.quartz.jobStore.isClustered", "true");
      properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
      // Job data holds strings only (the DAG id), so no Java serialization in the database.
      properties.setProperty("org.quartz.jobStore.useProperties", "true");
      properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
      return properties;
    }
  }
}
