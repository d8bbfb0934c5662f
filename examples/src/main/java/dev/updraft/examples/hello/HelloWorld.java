package dev.updraft.examples.hello;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.DagDefinition;
import dev.updraft.sdk.DagFactory;
import dev.updraft.sdk.Param;
import dev.updraft.sdk.TaskArgs;
import dev.updraft.sdk.TaskContext;
import dev.updraft.sdk.TriggerRule;
import dev.updraft.sdk.task.Task;
import java.time.Duration;
import java.util.List;

/**
 * The tour of Updraft's task model: a shell task, Java tasks passing an XCom, a branch, a task that
 * fails once and succeeds on retry, and a cleanup that runs after a failure ({@code all_done}). Run
 * it with {@code ./updraft dags test hello_world}.
 */
@DagDefinition
public final class HelloWorld implements DagFactory {

  @Override
  public Dag create() {
    DagBuilder dag =
        Dag.builder("hello_world")
            .description("A tour of tasks, XComs, branches, retries and trigger rules")
            .schedule("@daily")
            .startDate("2024-01-01")
            .tags("example")
            .owner("updraft")
            .param("name", Param.of("Updraft", "string").describedAs("who to greet"))
            .defaultArgs(TaskArgs.builder().retries(0).retryDelay(Duration.ofSeconds(1)).build());

    var sayHello =
        dag.bash(
            "say_hello",
            "echo \"Hello from {{ dag.dag_id }}, run {{ run_id }}, ds={{ ds | default('none') }}\"");
    var greeting = dag.task(HelloWorld::makeGreeting);
    var letters = dag.task(HelloWorld::countLetters, greeting);
    sayHello.then(greeting);

    var branch = dag.branch("pick_branch", HelloWorld::pickBranch);
    letters.then(branch);
    var even = dag.bash("even_letters", "echo 'the greeting has an even number of letters'");
    var odd = dag.bash("odd_letters", "echo 'the greeting has an odd number of letters'");
    branch.then(List.of(even, odd));
    var join = dag.empty("join").triggerRule(TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS);
    even.then(join);
    odd.then(join);

    var flaky = dag.task(HelloWorld::flakyFetch).retries(1).retryDelay(Duration.ofMillis(200));
    sayHello.then(flaky);
    var doomed = dag.bash("always_fails", "echo 'this task fails on purpose' && exit 1");
    sayHello.then(doomed);
    var cleanup =
        dag.bash(
                "cleanup",
                "echo 'cleaning up, whatever happened upstream (try {{ ti.try_number }})'")
            .triggerRule(TriggerRule.ALL_DONE);
    flaky.then(cleanup);
    doomed.then(cleanup);
    return dag.build();
  }

  /** Builds the greeting from the {@code name} param (a run's conf may override it). */
  @Task("make_greeting")
  static String makeGreeting() {
    return "Hello, " + TaskContext.current().params().get("name") + "!";
  }

  /** Receives {@code make_greeting}'s return value as an XCom. */
  @Task("count_letters")
  static int countLetters(String greeting) {
    int letters = (int) greeting.chars().filter(Character::isLetter).count();
    TaskContext.current().log().println(greeting + " has " + letters + " letters");
    return letters;
  }

  static List<String> pickBranch(TaskContext context) {
    int letters = context.xcomPull("count_letters", Integer.class).orElseThrow();
    return List.of(letters % 2 == 0 ? "even_letters" : "odd_letters");
  }

  /** Fails on its first try, as a flaky network call might, and succeeds on the retry. */
  @Task("flaky_fetch")
  static String flakyFetch() {
    TaskContext context = TaskContext.current();
    if (context.tryNumber() == 1) {
      throw new IllegalStateException("simulated transient failure on try 1");
    }
    return "fetched on try " + context.tryNumber();
  }
}
