package dev.updraft.cli;

import dev.updraft.examples.hello.HelloWorld;
import dev.updraft.metadata.DatabaseConfig;
import dev.updraft.metadata.MetadataDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Runs the CLI against the example DAGs and an H2 file database under {@code home}. */
public final class CliRunner {
  /** How a command ended and what it printed. */
  public record Outcome(int exitCode, String out, String err) {}

  private final UpdraftConfig config;

  public CliRunner(Path home) throws Exception {
    Path examples =
        Path.of(HelloWorld.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    this.config =
        new UpdraftConfig(
            home,
            home.resolve("dags"),
            examples,
            true,
            DatabaseConfig.fromEnvironment(Map.of(), home));
  }

  public Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = UpdraftCommand.commandLine(config);
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int code = line.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  /** The configuration the commands run with. */
  public UpdraftConfig config() {
    return config;
  }

  /** The metadata database the commands write, to check what they did. */
  public MetadataDatabase database() {
    return MetadataDatabase.open(config.database());
  }
}
