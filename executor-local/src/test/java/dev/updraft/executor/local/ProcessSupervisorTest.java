package dev.updraft.executor.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.executor.local.ProcessOutcome.Reason;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSupervisorTest {

  private static final String TREE = "sleep 30 & sleep 30; wait";

  @TempDir Path tmp;

  private final ProcessSupervisor supervisor = new ProcessSupervisor();

  @AfterEach
  void closeSupervisor() {
    supervisor.close();
  }

  @Test
  void writesOutputBetweenStartAndExitLines() throws Exception {
    Path log = tmp.resolve("nested/dir/attempt=1.log");
    SupervisedProcess process =
        supervisor.start(ProcessSpec.of(bash("echo out; echo err >&2"), log));

    ProcessOutcome outcome = await(process);

    assertThat(outcome.reason()).isEqualTo(Reason.EXITED);
    assertThat(outcome.exitCode()).isZero();
    assertThat(Files.readAllLines(log))
        .containsExactly(
            "[updraft] started pid " + process.pid() + ": bash -c echo out; echo err >&2",
            "out",
            "err",
            "[updraft] exited with code 0");
  }

  @Test
  void appendsToAnExistingLog() throws Exception {
    Path log = tmp.resolve("a.log");
    Files.writeString(log, "earlier\n");
    await(supervisor.start(ProcessSpec.of(bash("echo again"), log)));
    assertThat(Files.readAllLines(log)).first().isEqualTo("earlier");
    assertThat(Files.readAllLines(log)).contains("again");
  }

  @Test
  void propagatesExitCode() throws Exception {
    Path log = tmp.resolve("a.log");
    ProcessOutcome outcome = await(supervisor.start(ProcessSpec.of(bash("exit 7"), log)));
    assertThat(outcome.exitCode()).isEqualTo(7);
    assertThat(outcome.reason()).isEqualTo(Reason.EXITED);
    assertThat(lastLine(log)).isEqualTo("[updraft] exited with code 7");
  }

  @Test
  void appliesWorkingDirAndEnvironment() throws Exception {
    Path log = tmp.resolve("a.log");
    Path dir = Files.createDirectory(tmp.resolve("work"));
    await(
        supervisor.start(
            ProcessSpec.of(bash("echo \"$UPDRAFT_TEST\"; pwd"), log)
                .withWorkingDir(dir)
                .withEnvironment(Map.of("UPDRAFT_TEST", "hello env"))));
    assertThat(Files.readAllLines(log)).contains("hello env", dir.toRealPath().toString());
  }

  @Test
  void timeoutStopsTheWholeTree() throws Exception {
    Path log = tmp.resolve("a.log");
    SupervisedProcess process =
        supervisor.start(
            ProcessSpec.of(bash(TREE), log)
                .withTimeout(Duration.ofMillis(500))
                .withGracePeriod(Duration.ofSeconds(2)));
    List<ProcessHandle> sleeps = awaitDescendants(process, 2);

    ProcessOutcome outcome = await(process);

    assertThat(outcome.reason()).isEqualTo(Reason.TIMED_OUT);
    assertThat(outcome.duration()).isBetween(Duration.ofMillis(450), Duration.ofMillis(2400));
    assertAllGone(sleeps);
    assertThat(lastLine(log)).startsWith("[updraft] timed out after 500 ms; sent SIGTERM");
  }

  @Test
  void processIgnoringTermIsKilledAfterGrace() throws Exception {
    Path log = tmp.resolve("a.log");
    SupervisedProcess process =
        supervisor.start(
            ProcessSpec.of(bash("trap '' TERM; sleep 30; echo survived"), log)
                .withTimeout(Duration.ofMillis(300))
                .withGracePeriod(Duration.ofMillis(300)));
    List<ProcessHandle> children = awaitDescendants(process, 1);

    ProcessOutcome outcome = await(process);

    assertThat(outcome.reason()).isEqualTo(Reason.TIMED_OUT);
    assertThat(outcome.exitCode()).isEqualTo(137);
    assertThat(outcome.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(550));
    assertAllGone(children);
    assertThat(Files.readAllLines(log)).doesNotContain("survived");
    assertThat(lastLine(log))
        .isEqualTo(
            "[updraft] timed out after 300 ms; sent SIGTERM; sent SIGKILL after 300 ms grace;"
                + " exit code 137");
  }

  @Test
  void cancelStopsTheWholeTree() throws Exception {
    Path log = tmp.resolve("a.log");
    SupervisedProcess process =
        supervisor.start(ProcessSpec.of(bash(TREE), log).withGracePeriod(Duration.ofSeconds(2)));
    List<ProcessHandle> sleeps = awaitDescendants(process, 2);

    ProcessOutcome outcome = process.cancel().get(10, TimeUnit.SECONDS);

    assertThat(outcome.reason()).isEqualTo(Reason.CANCELLED);
    assertAllGone(sleeps);
    assertThat(ProcessTree.isRunning(process.toHandle())).isFalse();
    assertThat(lastLine(log)).startsWith("[updraft] cancelled; sent SIGTERM");
  }

  @Test
  void cancelEscalatesToKill() throws Exception {
    Path log = tmp.resolve("a.log");
    SupervisedProcess process =
        supervisor.start(
            ProcessSpec.of(bash("trap '' TERM; sleep 30; true"), log)
                .withGracePeriod(Duration.ofMillis(300)));
    List<ProcessHandle> children = awaitDescendants(process, 1);

    ProcessOutcome outcome = process.cancel().get(10, TimeUnit.SECONDS);

    assertThat(outcome.reason()).isEqualTo(Reason.CANCELLED);
    assertThat(outcome.exitCode()).isEqualTo(137);
    assertAllGone(children);
    assertThat(lastLine(log)).contains("sent SIGKILL after 300 ms grace");
  }

  @Test
  void cancelAfterExitKeepsTheExitOutcome() throws Exception {
    Path log = tmp.resolve("a.log");
    SupervisedProcess process = supervisor.start(ProcessSpec.of(bash("exit 3"), log));
    await(process);
    ProcessOutcome outcome = process.cancel().get(5, TimeUnit.SECONDS);
    assertThat(outcome.reason()).isEqualTo(Reason.EXITED);
    assertThat(outcome.exitCode()).isEqualTo(3);
  }

  @Test
  void runsChildJvmBuiltByJavaCommand() throws Exception {
    Path log = tmp.resolve("jvm.log");
    List<String> command =
        JavaCommand.of(HelloChild.class.getName())
            .withClasspath(List.of(testClasses()))
            .withArgs("4")
            .toCommand();

    ProcessOutcome outcome = await(supervisor.start(ProcessSpec.of(command, log)));

    assertThat(outcome.exitCode()).isEqualTo(4);
    assertThat(Files.readAllLines(log))
        .contains("hello from child jvm", "child stderr line")
        .last()
        .isEqualTo("[updraft] exited with code 4");
  }

  private static List<String> bash(String script) {
    return List.of("bash", "-c", script);
  }

  private static ProcessOutcome await(SupervisedProcess process) throws Exception {
    return process.onExit().get(15, TimeUnit.SECONDS);
  }

  /** Collects descendants while the tree runs: they are reparented once the root dies. */
  private static List<ProcessHandle> awaitDescendants(SupervisedProcess process, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    List<ProcessHandle> found = List.of();
    while (System.nanoTime() < deadline) {
      found = process.toHandle().descendants().toList();
      if (found.size() >= count) {
        return found;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("expected " + count + " descendants, found " + found);
  }

  /**
   * The killed processes are gone within a moment: SIGKILL is delivered at once, but the kernel
   * tears a process down asynchronously, so an immediate check can still see it for a few ms.
   */
  private static void assertAllGone(List<ProcessHandle> processes) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (processes.stream().anyMatch(ProcessTree::isRunning) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(processes).noneMatch(ProcessTree::isRunning);
  }

  private static String lastLine(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return lines.get(lines.size() - 1);
  }

  private static Path testClasses() throws URISyntaxException {
    return Path.of(HelloChild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
