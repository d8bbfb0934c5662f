package dev.updraft.cli;

/** The {@code updraft} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests). */
  public static int run(String... args) {
    return run(System.getenv(), System.err, args);
  }

  /**
   * Runs the command line with {@code env}; a bad configuration (an unsupported {@code
   * UPDRAFT_DB_URL}, say) is one line on {@code err} and exit code 1, not a stack trace.
   */
  static int run(java.util.Map<String, String> env, java.io.PrintStream err, String... args) {
    UpdraftConfig config;
    try {
      config = UpdraftConfig.fromEnvironment(env);
    } catch (IllegalArgumentException e) {
      err.println("Error: invalid configuration: " + e.getMessage());
      return 1;
    }
    return UpdraftCommand.commandLine(config).execute(args);
  }
}
