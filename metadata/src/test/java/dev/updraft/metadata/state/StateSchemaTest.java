package dev.updraft.metadata.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.TestDatabases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The migration gives both databases Airflow's tables and the scheduler's indexes. */
class StateSchemaTest {
  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void airflowTablesAndSchedulerIndexesExist(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = t.db();
      List<String> tables =
          db.withHandle(
              h ->
                  h.createQuery(
                          "SELECT table_name FROM information_schema.tables"
                              + " WHERE table_schema = CURRENT_SCHEMA")
                      .mapTo(String.class)
                      .list());
      assertThat(tables)
          .contains(
              "dag",
              "dag_tag",
              "serialized_dag",
              "dag_run",
              "task_instance",
              "task_instance_history",
              "xcom",
              "slot_pool",
              "variable",
              "connection",
              "import_error",
              "log",
              "job");

      String indexQuery =
          dialect == Dialect.POSTGRESQL
              ? "SELECT indexname FROM pg_indexes WHERE schemaname = CURRENT_SCHEMA"
              : "SELECT index_name FROM information_schema.indexes"
                  + " WHERE table_schema = CURRENT_SCHEMA";
      List<String> indexes =
          db.withHandle(h -> h.createQuery(indexQuery).mapTo(String.class).list());
      assertThat(indexes)
          .contains(
              "idx_dag_run_state_dag_id",
              "ti_state_lkp",
              "ti_state_priority",
              "ti_heartbeat",
              "ti_pool",
              "idx_log_dttm");
      assertThat(db.status().isCurrent()).isTrue();
    }
  }
}
