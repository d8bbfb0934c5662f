package dev.updraft.scheduler.dagsync;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.DagRepository;
import dev.updraft.metadata.state.ImportErrorRepository;
import dev.updraft.metadata.state.ParsedDag;
import dev.updraft.scheduler.dagbag.ImportError;
import dev.updraft.scheduler.dagbag.LoadedDag;
import dev.updraft.scheduler.timetable.Timetables;
import dev.updraft.sdk.Dag;
import dev.updraft.sdk.internal.compile.DagSerializer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes what a DAG bag loaded into the metadata database, as Airflow's DAG processor does: each
 * DAG into {@code dag}, {@code dag_tag} and {@code serialized_dag}, and one import error per source
 * file that failed, cleared for files that now load.
 *
 * <p>A DAG seen for the first time starts paused when {@code pausedAtCreation} is set (Airflow's
 * {@code [core] dags_are_paused_at_creation}, default true). A DAG already known keeps its paused
 * flag: that belongs to users.
 */
public final class DagSync {
  /** Airflow 3's name of the bundle that reads the dags folder. */
  public static final String BUNDLE_NAME = "dags-folder";

  private final DagRepository dags;
  private final ImportErrorRepository importErrors;
  private final boolean pausedAtCreation;

  /** A sync whose new DAGs start paused, as Airflow's default. */
  public DagSync(MetadataDatabase db) {
    this(db, true);
  }

  /**
   * @param pausedAtCreation whether DAGs seen for the first time start paused
   */
  public DagSync(MetadataDatabase db, boolean pausedAtCreation) {
    this.dags = new DagRepository(db);
    this.importErrors = new ImportErrorRepository(db);
    this.pausedAtCreation = pausedAtCreation;
  }

  /** What one sync wrote. */
  public record Result(int dags, int filesWithErrors, int filesCleared) {}

  /**
   * Records a parse: upserts {@code loaded}, marks DAGs gone from their source file as stale, and
   * replaces the import errors of each file in {@code errors}, clearing those of files that loaded
   * without any.
   */
  public Result sync(Collection<LoadedDag> loaded, List<ImportError> errors) {
    Map<String, Set<String>> dagIdsBySource = new LinkedHashMap<>();
    for (LoadedDag dag : loaded) {
      dags.upsert(parsed(dag));
      if (dag.source() != null) {
        dagIdsBySource.computeIfAbsent(dag.source(), s -> new LinkedHashSet<>()).add(dag.dagId());
      }
    }
    dagIdsBySource.forEach(dags::markStaleExcept);
    // Errors after the DAGs, so has_import_errors lands on DAGs of a partly failing file.
    Map<String, List<ImportError>> errorsBySource = new LinkedHashMap<>();
    for (ImportError error : errors) {
      errorsBySource.computeIfAbsent(error.source(), s -> new ArrayList<>()).add(error);
    }
    errorsBySource.forEach(
        (source, fileErrors) ->
            importErrors.replaceFor(source, BUNDLE_NAME, stacktrace(fileErrors)));
    int cleared = 0;
    for (String source : dagIdsBySource.keySet()) {
      if (!errorsBySource.containsKey(source)) {
        cleared += importErrors.clearFor(source);
      }
    }
    return new Result(loaded.size(), errorsBySource.size(), cleared);
  }

  private ParsedDag parsed(LoadedDag loaded) {
    Dag dag = loaded.dag().dag();
    String json = DagSerializer.toJson(loaded.dag());
    return new ParsedDag(
        dag.dagId(),
        loaded.source(),
        dag.owner(),
        dag.description(),
        timetableSummary(dag),
        dag.maxActiveRuns(),
        dag.maxActiveTasks(),
        dag.tags(),
        pausedAtCreation,
        json,
        DagSerializer.hash(json));
  }

  // An invalid schedule is reported when the scheduler uses it; here the DAG still gets a row.
  private static String timetableSummary(Dag dag) {
    try {
      return Timetables.of(dag).summary();
    } catch (IllegalArgumentException e) {
      return dag.schedule().toString();
    }
  }

  private static String stacktrace(List<ImportError> fileErrors) {
    StringBuilder text = new StringBuilder();
    for (ImportError error : fileErrors) {
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append(error.message());
      if (error.stackTrace() != null && !error.stackTrace().isEmpty()) {
        text.append('\n').append(error.stackTrace());
      }
    }
    return text.toString();
  }
}
