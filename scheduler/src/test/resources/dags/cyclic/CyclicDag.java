package dags.cyclic;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.DagDefinition;
import dev.updraft.sdk.DagFactory;

/**
 * A deliberately broken example: its tasks form the cycle extract >> transform >> load >> extract,
 * so the DAG bag must report it as an import error naming the cycle.
 */
@DagDefinition
public class CyclicDag implements DagFactory {
  @Override
  public Dag create() {
    DagBuilder dag = Dag.builder("cyclic_etl").schedule("@daily").startDate("2024-01-01");
    var extract = dag.bash("extract", "echo extract");
    var transform = dag.bash("transform", "echo transform");
    var load = dag.bash("load", "echo load");
    extract.then(transform).then(load).then(extract);
    return dag.build();
  }
}
