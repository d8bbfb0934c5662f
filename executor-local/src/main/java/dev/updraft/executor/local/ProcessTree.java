package dev.updraft.executor.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A snapshot of a process and its descendants, taken before signalling: once the root dies its
 * children are reparented and no longer show up as its descendants.
 */
final class ProcessTree {

  private final ProcessHandle root;
  private final List<ProcessHandle> descendants;

  private ProcessTree(ProcessHandle root, List<ProcessHandle> descendants) {
    this.root = root;
    this.descendants = descendants;
  }

  static ProcessTree snapshot(ProcessHandle root) {
    return new ProcessTree(root, root.descendants().toList());
  }

  /** Sends SIGTERM to the descendants, then the root. */
  void terminate() {
    descendants.forEach(ProcessHandle::destroy);
    root.destroy();
  }

  /** Whether any process of the snapshot still runs. */
  boolean anyRunning() {
    return members().anyMatch(ProcessTree::isRunning);
  }

  /**
   * Sends SIGKILL to the root and every process of the snapshot still running, and to any
   * descendant the root started since.
   */
  void killRemaining() {
    // Root first: a parent that survives its children by even a moment may react (run the next
    // command, exit 0) and hide the kill.
    Set<ProcessHandle> targets = new LinkedHashSet<>();
    targets.add(root);
    if (isRunning(root)) {
      root.descendants().forEach(targets::add);
    }
    targets.addAll(descendants);
    targets.stream().filter(ProcessTree::isRunning).forEach(ProcessHandle::destroyForcibly);
  }

  private Stream<ProcessHandle> members() {
    return Stream.concat(descendants.stream(), Stream.of(root));
  }

  /**
   * Alive and not a zombie. Orphans are only reaped if PID 1 does so, and {@link
   * ProcessHandle#isAlive()} counts zombies as alive, so on Linux the state in {@code /proc} is
   * checked too.
   */
  static boolean isRunning(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
    if (!Files.exists(Path.of("/proc/self/stat"))) {
      return true; // no procfs: trust isAlive()
    }
    try {
      String content = Files.readString(stat);
      // The state follows the command name, which is in parentheses and may itself contain ')'.
      int end = content.lastIndexOf(')');
      char state = end >= 0 && end + 2 < content.length() ? content.charAt(end + 2) : '?';
      return state != 'Z' && state != 'X';
    } catch (IOException e) {
      return false; // gone between the two checks
    }
  }
}
