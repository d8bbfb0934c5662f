package dev.updraft.cli;

/** The {@code updraft} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests). */
  public static int run(String... args) {
    return UpdraftCommand.commandLine(UpdraftConfig.fromEnvironment(System.getenv())).execute(args);
  }
}
