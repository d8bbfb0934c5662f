package dev.updraft.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentChecksTest {
  private static final String IMPORTS =
      """
      import dev.updraft.sdk.artifact.*;
      import dev.updraft.sdk.component.*;
      """;

  @TempDir Path output;

  private TestCompiler.Result compile(String source) {
    return new TestCompiler(output).compile("package a;\n" + IMPORTS + source);
  }

  @Test
  void acceptsAConcreteComponent() {
    TestCompiler.Result result =
        compile(
            """
            @Component("Mine")
            public class Mine extends BaseComponent {
              public Mine() { super(ComponentSpec.builder().build()); }
              @Override public ComponentExecutor executor() { return null; }
            }
            """);

    assertThat(result.errors()).isEmpty();
  }

  @Test
  void rejectsAnAbstractComponent() {
    TestCompiler.Result result =
        compile(
            """
            @Component
            public abstract class Base extends BaseComponent {
              protected Base() { super(ComponentSpec.builder().build()); }
            }
            """);

    assertThat(result.errors())
        .singleElement()
        .asString()
        .contains("@Component class a.Base is abstract")
        .contains(
            "abstract base components are extended, not annotated; annotate the concrete"
                + " subclass");
  }

  @Test
  void rejectsAComponentThatIsNotABaseComponent() {
    TestCompiler.Result result =
        compile(
            """
            @Component
            public class Stray {}
            """);

    assertThat(result.errors())
        .singleElement()
        .asString()
        .contains("@Component a.Stray does not extend dev.updraft.sdk.component.BaseComponent");
  }

  @Test
  void acceptsAWellFormedFunction() {
    TestCompiler.Result result =
        compile(
            """
            public class Functions {
              @ComponentFunction
              public static void train(
                  @InputArtifact("examples") Examples examples,
                  @OutputArtifact("model") Model model,
                  @Parameter("steps") int steps) {}
            }
            """);

    assertThat(result.errors()).isEmpty();
  }

  @Test
  void rejectsANonStaticFunction() {
    TestCompiler.Result result =
        compile(
            """
            public class Functions {
              @ComponentFunction
              public void train(@Parameter("steps") int steps) {}
            }
            """);

    assertThat(result.errors())
        .singleElement()
        .asString()
        .contains("@ComponentFunction a.Functions.train must be public static");
  }

  @Test
  void rejectsAFunctionThatReturnsAValue() {
    TestCompiler.Result result =
        compile(
            """
            public class Functions {
              @ComponentFunction
              public static int train() { return 0; }
            }
            """);

    assertThat(result.errors())
        .singleElement()
        .asString()
        .contains("@ComponentFunction a.Functions.train must return void");
  }

  @Test
  void rejectsAnUnannotatedParameter() {
    TestCompiler.Result result =
        compile(
            """
            public class Functions {
              @ComponentFunction
              public static void train(@Parameter("steps") int steps, String x) {}
            }
            """);

    assertThat(result.errors())
        .singleElement()
        .asString()
        .contains(
            "parameter 'x' of @ComponentFunction a.Functions.train has none of @InputArtifact,"
                + " @OutputArtifact, @Parameter");
  }

  @Test
  void rejectsAParameterWithTwoRoles() {
    TestCompiler.Result result =
        compile(
            """
            public class Functions {
              @ComponentFunction
              public static void train(@InputArtifact("m") @OutputArtifact("m") Model m) {}
            }
            """);

    assertThat(result.errors())
        .singleElement()
        .asString()
        .contains("parameter 'm' of @ComponentFunction a.Functions.train has more than one");
  }

  @Test
  void rejectsAnInputArtifactThatIsNotAnArtifact() {
    TestCompiler.Result result =
        compile(
            """
            public class Functions {
              @ComponentFunction
              public static void train(@InputArtifact("examples") String examples) {}
            }
            """);

    assertThat(result.errors())
        .singleElement()
        .asString()
        .contains("parameter 'examples' of @ComponentFunction a.Functions.train is an artifact")
        .contains("its type java.lang.String does not extend dev.updraft.sdk.artifact.Artifact");
  }
}
