package dev.updraft.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.lang.model.SourceVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdraftProcessorTest {
  @TempDir Path output;

  @Test
  void reportsEveryProblemOfARunNotJustTheFirst() {
    TestCompiler.Result result =
        new TestCompiler(output)
            .compile(
                """
                package a;
                import dev.updraft.sdk.task.Task;
                @dev.updraft.sdk.DagDefinition
                public abstract class Broken implements dev.updraft.sdk.DagFactory {
                  @Task static void load() {}
                }
                """,
                """
                package a;
                public class Forgotten implements dev.updraft.sdk.DagFactory {
                  public dev.updraft.sdk.Dag create() { return null; }
                }
                """,
                """
                package a;
                public class Functions {
                  @dev.updraft.sdk.component.ComponentFunction
                  public static void train(String x) {}
                }
                """,
                """
                package a;
                public class Report extends dev.updraft.sdk.artifact.Artifact {}
                """);

    assertThat(result.success()).isFalse();
    assertThat(result.errors())
        .hasSize(5)
        .anySatisfy(e -> assertThat(e).contains("a.Broken is abstract"))
        .anySatisfy(e -> assertThat(e).contains("a.Broken.load returns void"))
        .anySatisfy(e -> assertThat(e).contains("a.Forgotten implements DagFactory"))
        .anySatisfy(e -> assertThat(e).contains("parameter 'x' of @ComponentFunction"))
        .anySatisfy(e -> assertThat(e).contains("a.Report extends Artifact"));
    assertThat(result.servicesFile()).isEmpty();
  }

  @Test
  void supportsTheLatestSourceVersion() {
    assertThat(new UpdraftProcessor().getSupportedSourceVersion())
        .isEqualTo(SourceVersion.latestSupported());
  }
}
