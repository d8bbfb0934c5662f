package dev.updraft.sdk.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.DagValidationException;
import dev.updraft.sdk.Param;
import dev.updraft.sdk.ValidationProblem;
import dev.updraft.sdk.ValidationProblem.Kind;
import dev.updraft.sdk.artifact.Examples;
import dev.updraft.sdk.artifact.Model;
import dev.updraft.sdk.artifact.Schema;
import dev.updraft.sdk.component.BaseComponent;
import dev.updraft.sdk.component.Channel;
import dev.updraft.sdk.component.ComponentExecutor;
import dev.updraft.sdk.component.ComponentSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class DagCompilerTest {

  /** A component with one required input, one output and one integer parameter. */
  static final class Trainer extends BaseComponent {
    static final ComponentSpec SPEC =
        ComponentSpec.builder()
            .input("examples", Examples.class)
            .output("model", Model.class)
            .parameter("steps", Integer.class)
            .build();

    Trainer() {
      super(SPEC);
    }

    Trainer bind(String key, Channel<?> channel) {
      bindInput(key, channel);
      return this;
    }

    Trainer set(String name, Object value) {
      bindParameter(name, value);
      return this;
    }

    @Override
    public ComponentExecutor executor() {
      return context -> {};
    }
  }

  /** A component producing Examples and a Schema. */
  static final class Gen extends BaseComponent {
    Gen() {
      super(
          ComponentSpec.builder()
              .output("examples", Examples.class)
              .output("schema", Schema.class)
              .build());
    }

    @Override
    public ComponentExecutor executor() {
      return context -> {};
    }
  }

  private static List<ValidationProblem> problems(DagBuilder dag) {
    return DagCompiler.problems(dag.build());
  }

  private static ValidationProblem only(DagBuilder dag, Kind kind) {
    List<ValidationProblem> problems = problems(dag);
    assertThat(problems).extracting(ValidationProblem::kind).containsExactly(kind);
    return problems.get(0);
  }

  @Test
  void validDagCompilesToAJGraphTDagInTopologicalOrder() {
    DagBuilder dag = Dag.builder("ok").schedule("@daily").startDate("2024-01-01");
    var a = dag.empty("a");
    var b = dag.empty("b");
    var c = dag.empty("c");
    a.then(b).then(c);
    a.then(c);
    CompiledDag compiled = DagCompiler.compile(dag.build());
    assertThat(compiled.topologicalOrder()).containsExactly("a", "b", "c");
    assertThat(compiled.upstream("c")).containsExactlyInAnyOrder("a", "b");
    assertThat(compiled.leaves()).containsExactly("c");
    assertThat(compiled.graph().edgeSet()).hasSize(3);
    assertThat(compiled.priorityWeight("a")).isEqualTo(3);
  }

  @Test
  void cycleIsReportedWithItsTasksInOrder() {
    DagBuilder dag = Dag.builder("cyclic");
    var extract = dag.empty("extract");
    var transform = dag.empty("transform");
    var load = dag.empty("load");
    extract.then(transform).then(load).then(extract);
    ValidationProblem problem = only(dag, Kind.CYCLE);
    assertThat(problem.message()).isEqualTo("cycle: extract >> transform >> load >> extract");
  }

  @Test
  void selfDependencyIsACycle() {
    DagBuilder dag = Dag.builder("self");
    var a = dag.empty("a");
    a.dependsOn(a);
    assertThat(only(dag, Kind.CYCLE).message()).contains("'a' depends on itself");
  }

  @Test
  void duplicateTaskIdsAreNamed() {
    DagBuilder dag = Dag.builder("dup");
    dag.empty("same");
    dag.bash("same", "echo");
    assertThat(only(dag, Kind.DUPLICATE_TASK_ID).message()).contains("'same'").contains("2 tasks");
  }

  @Test
  void unknownTriggerRuleIsNamedWithTheValidOnes() {
    DagBuilder dag = Dag.builder("rules");
    dag.empty("t").triggerRule("all_sucess");
    ValidationProblem problem = only(dag, Kind.UNKNOWN_TRIGGER_RULE);
    assertThat(problem.culprit()).isEqualTo("t");
    assertThat(problem.message())
        .contains("'all_sucess'")
        .contains("all_success")
        .contains("none_failed_min_one_success");
  }

  @Test
  void badCronAndUnknownPresetAreNamed() {
    assertThat(
            only(Dag.builder("c").schedule("61 * * * *").startDate("2024-01-01"), Kind.BAD_SCHEDULE)
                .message())
        .contains("'61 * * * *'");
    assertThat(
            only(Dag.builder("c").schedule("0 0 * *").startDate("2024-01-01"), Kind.BAD_SCHEDULE)
                .message())
        .contains("5 fields");
    assertThat(
            only(
                    Dag.builder("p").schedule("@fortnightly").startDate("2024-01-01"),
                    Kind.BAD_SCHEDULE)
                .message())
        .contains("'@fortnightly'")
        .contains("@daily");
  }

  @Test
  void everyAirflowPresetAndCronFormIsAccepted() {
    for (String schedule :
        List.of(
            "@once",
            "@continuous",
            "@hourly",
            "@daily",
            "@weekly",
            "@monthly",
            "@quarterly",
            "@yearly",
            "*/15 * * * *",
            "0 9 * * MON-FRI",
            "30 2 1,15 JAN,JUL *",
            "0 0 * * 7",
            "None")) {
      assertThat(problems(Dag.builder("s").schedule(schedule).startDate("2024-01-01")))
          .as(schedule)
          .isEmpty();
    }
  }

  @Test
  void scheduledDagWithoutStartDateIsReported() {
    ValidationProblem problem =
        only(Dag.builder("nostart").schedule("@daily"), Kind.MISSING_START_DATE);
    assertThat(problem.message()).contains("'nostart'").contains("@daily").contains("start_date");
    assertThat(problems(Dag.builder("manual"))).isEmpty();
  }

  @Test
  void paramWhoseDefaultDoesNotMatchItsTypeIsReported() {
    ValidationProblem problem =
        only(Dag.builder("p").param("retries", Param.of("three", "integer")), Kind.BAD_PARAM);
    assertThat(problem.message()).contains("'retries'").contains("integer").contains("three");
  }

  @Test
  void unknownUpstreamIsNamed() {
    DagBuilder dag = Dag.builder("u");
    DagBuilder other = Dag.builder("other");
    dag.empty("a").dependsOn(other.empty("ghost"));
    assertThat(only(dag, Kind.UNKNOWN_UPSTREAM).message()).contains("'a' depends on 'ghost'");
  }

  @Test
  void unboundRequiredInputIsNamed() {
    DagBuilder dag = Dag.builder("c");
    dag.component(new Trainer().set("steps", 10));
    assertThat(only(dag, Kind.UNBOUND_INPUT).message())
        .contains("'examples'")
        .contains("Examples")
        .contains("'Trainer'");
  }

  @Test
  void artifactTypeMismatchOnAChannelNamesBothEnds() {
    DagBuilder dag = Dag.builder("c");
    Gen gen = new Gen();
    dag.component(gen);
    dag.component(
        new Trainer().bind("examples", gen.output("schema", Schema.class)).set("steps", 10));
    assertThat(only(dag, Kind.INPUT_TYPE_MISMATCH).message())
        .isEqualTo(
            "input 'examples' of 'Trainer' expects Examples but is bound to Gen.schema, which carries Schema");
  }

  @Test
  void parameterOfTheWrongTypeIsNamed() {
    DagBuilder dag = Dag.builder("c");
    Gen gen = new Gen();
    dag.component(gen);
    dag.component(
        new Trainer().bind("examples", gen.output("examples", Examples.class)).set("steps", "ten"));
    assertThat(only(dag, Kind.PARAMETER_TYPE_MISMATCH).message())
        .contains("'steps'")
        .contains("Integer")
        .contains("String")
        .contains("ten");
  }

  @Test
  void producerMissingFromTheDagIsNamed() {
    DagBuilder dag = Dag.builder("c");
    Gen gen = new Gen();
    dag.component(
        new Trainer().bind("examples", gen.output("examples", Examples.class)).set("steps", 1));
    assertThat(only(dag, Kind.PRODUCER_NOT_IN_DAG).message())
        .contains("'Gen'")
        .contains("not a task of this DAG");
  }

  @Test
  void channelsMakeTheProducerUpstream() {
    DagBuilder dag = Dag.builder("c");
    Gen gen = new Gen();
    dag.component(gen);
    dag.component(
        new Trainer().bind("examples", gen.output("examples", Examples.class)).set("steps", 1));
    assertThat(DagCompiler.compile(dag.build()).upstream("Trainer")).containsExactly("Gen");
  }

  @Test
  void allProblemsAreReportedAtOnce() {
    DagBuilder dag = Dag.builder("many problems").schedule("@sometimes");
    var a = dag.empty("a");
    var b = dag.empty("b").triggerRule("whenever");
    a.then(b).then(a);
    dag.empty("a");
    dag.component(new Trainer().set("steps", "x"));
    DagValidationException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            DagValidationException.class, () -> DagCompiler.compile(dag.build()));
    assertThat(error.problems())
        .extracting(ValidationProblem::kind)
        .contains(
            Kind.INVALID_ID,
            Kind.BAD_SCHEDULE,
            Kind.MISSING_START_DATE,
            Kind.UNKNOWN_TRIGGER_RULE,
            Kind.DUPLICATE_TASK_ID,
            Kind.CYCLE,
            Kind.UNBOUND_INPUT,
            Kind.PARAMETER_TYPE_MISMATCH);
    assertThat(error.getMessage()).startsWith("DAG 'many problems' is invalid (");
  }

  @Test
  void invalidSettingsAreReported() {
    DagBuilder dag = Dag.builder("s").maxActiveRuns(0);
    dag.empty("t").retries(-1).poolSlots(0);
    assertThat(problems(dag))
        .extracting(ValidationProblem::kind)
        .containsOnly(Kind.BAD_SETTING)
        .hasSize(3);
  }

  @Test
  void lambdaTaskWithoutIdIsRejectedAtOnce() {
    assertThatThrownBy(() -> Dag.builder("l").task(() -> 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("explicit id");
  }

  @Test
  void continuousScheduleAllowsOneActiveRun() {
    assertThat(
            DagCompiler.compile(
                    Dag.builder("c").schedule("@continuous").startDate("2024-01-01").build())
                .dag()
                .maxActiveRuns())
        .isEqualTo(1);
    assertThat(
            only(
                    Dag.builder("c")
                        .schedule("@continuous")
                        .startDate("2024-01-01")
                        .maxActiveRuns(3),
                    Kind.BAD_SETTING)
                .message())
        .contains("@continuous")
        .contains("max_active_runs is 3");
  }
}
