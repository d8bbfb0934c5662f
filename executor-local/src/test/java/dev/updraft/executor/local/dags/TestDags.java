package dev.updraft.executor.local.dags;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.DagFactory;
import dev.updraft.sdk.TaskContext;
import dev.updraft.sdk.TaskHandle;
import dev.updraft.sdk.artifact.ExampleStatistics;
import dev.updraft.sdk.artifact.Examples;
import dev.updraft.sdk.component.BaseComponent;
import dev.updraft.sdk.component.Channel;
import dev.updraft.sdk.component.Component;
import dev.updraft.sdk.component.ComponentExecutor;
import dev.updraft.sdk.component.ComponentFunction;
import dev.updraft.sdk.component.ComponentSpec;
import dev.updraft.sdk.component.FunctionComponent;
import dev.updraft.sdk.component.InputArtifact;
import dev.updraft.sdk.component.OutputArtifact;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * The DAGs the local executor tests run. Their runners load them from the test class folder, in a
 * class loader of their own; the test JVM compiles them too, for the scheduling loop.
 */
public final class TestDags {
  private TestDags() {}

  /** Pushes an XCom that the downstream task pulls, and prints to stdout. */
  public static final class Xcom implements DagFactory {
    @Override
    public Dag create() {
      DagBuilder dag = Dag.builder("xcom");
      var produce =
          dag.task(
              "produce",
              () -> {
                System.out.println("producing hello on stdout");
                return "hello";
              });
      dag.task(
          "consume",
          (String text) -> {
            System.out.println("consumed " + text);
            return text.toUpperCase();
          },
          produce.output());
      return dag.build();
    }
  }

  /** Reads a variable and a connection from the context, and a variable from a template. */
  public static final class VarsAndConns implements DagFactory {
    @Override
    public Dag create() {
      DagBuilder dag = Dag.builder("vars_and_conns");
      dag.task(
          "read",
          () -> {
            TaskContext ctx = TaskContext.current();
            var conn = ctx.connection("warehouse").orElseThrow();
            return ctx.variable("region").orElseThrow()
                + " "
                + conn.login()
                + "@"
                + conn.host()
                + ":"
                + conn.port()
                + " "
                + ctx.variable("nope").isPresent()
                + " "
                + ctx.render("{{ var.json.cfg.bucket }}");
          });
      return dag.build();
    }
  }

  /** A branch choosing a templated bash task over another task, which is skipped. */
  public static final class Branch implements DagFactory {
    @Override
    public Dag create() {
      DagBuilder dag = Dag.builder("branch");
      var choose = dag.branch("choose", context -> List.of("left"));
      choose.then(List.of(dag.bash("left", "echo left on {{ ds }}"), dag.empty("right")));
      return dag.build();
    }
  }

  /** Fails, with a retry left. */
  public static final class Retry implements DagFactory {
    @Override
    public Dag create() {
      DagBuilder dag = Dag.builder("retry");
      dag.task(
              "flaky",
              () -> {
                throw new IllegalStateException("flaky on purpose");
              })
          .retries(1)
          .retryDelay(Duration.ofMinutes(5));
      return dag.build();
    }
  }

  /** Starts a grandchild {@code sleep} and overruns its one-second execution timeout. */
  public static final class Timeout implements DagFactory {
    @Override
    public Dag create() {
      return sleepy("timeout", Duration.ofSeconds(1));
    }
  }

  /** As {@link Timeout}, with three seconds: time for a test to freeze its runner first. */
  public static final class Frozen implements DagFactory {
    @Override
    public Dag create() {
      return sleepy("frozen", Duration.ofSeconds(3));
    }
  }

  private static Dag sleepy(String dagId, Duration timeout) {
    DagBuilder dag = Dag.builder(dagId);
    dag.task(
            "sleepy",
            () -> {
              Process sleep = new ProcessBuilder("sleep", "300").start();
              System.out.println("grandchild sleep pid " + sleep.pid());
              // Ignores interrupts, as careless task code does.
              while (sleep.isAlive()) {
                try {
                  sleep.waitFor();
                } catch (InterruptedException e) {
                  // keep waiting
                }
              }
              return "never";
            })
        .executionTimeout(timeout);
    return dag.build();
  }

  /** Runs for a long while, to be killed. */
  public static final class Slow implements DagFactory {
    @Override
    public Dag create() {
      DagBuilder dag = Dag.builder("slow");
      dag.task(
          "wait",
          () -> {
            System.out.println("waiting");
            Thread.sleep(60_000);
            return "late";
          });
      dag.task("quick", () -> "quick");
      return dag.build();
    }
  }

  /** Forty 10 ms tasks, one after another. */
  public static final class Chain implements DagFactory {
    @Override
    public Dag create() {
      DagBuilder dag = Dag.builder("chain40");
      TaskHandle<?> previous = null;
      for (int i = 0; i < 40; i++) {
        TaskHandle<String> task =
            dag.task(
                "t" + i,
                () -> {
                  Thread.sleep(10);
                  return null;
                });
        if (previous != null) {
          previous.then(task);
        }
        previous = task;
      }
      return dag.build();
    }
  }

  /** A component writing Examples, and one reading them: lineage through HTTP. */
  public static final class Pipeline implements DagFactory {
    @Override
    public Dag create() {
      DagBuilder dag = Dag.builder("pipeline");
      LineWriter writer = new LineWriter(3);
      dag.component(writer);
      dag.component(
          FunctionComponent.of(TestDags.class, "countLines").input("examples", writer.examples()));
      return dag.build();
    }
  }

  /** Writes {@code rows} lines into its Examples output. */
  @Component("LineWriter")
  public static final class LineWriter extends BaseComponent {
    LineWriter(int rows) {
      super(
          ComponentSpec.builder()
              .output("examples", Examples.class)
              .parameter("rows", Integer.class)
              .build());
      bindParameter("rows", rows);
    }

    Channel<Examples> examples() {
      return output("examples", Examples.class);
    }

    @Override
    public ComponentExecutor executor() {
      return context -> {
        Examples examples = context.output("examples", Examples.class);
        int rows = context.parameter("rows", int.class);
        Files.createDirectories(examples.splitPath("train"));
        Files.write(
            examples.splitPath("train").resolve("data.txt"), Collections.nCopies(rows, "row"));
        examples.setSplitNames(List.of("train"));
      };
    }
  }

  /** Counts the lines of its input Examples. */
  @ComponentFunction("CountLines")
  public static void countLines(
      @InputArtifact("examples") Examples examples,
      @OutputArtifact("statistics") ExampleStatistics statistics)
      throws Exception {
    statistics.setProperty(
        "lines", (long) Files.readAllLines(examples.splitPath("train").resolve("data.txt")).size());
  }
}
