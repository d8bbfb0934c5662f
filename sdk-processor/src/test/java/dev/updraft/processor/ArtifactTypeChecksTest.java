package dev.updraft.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactTypeChecksTest {
  @TempDir Path output;

  private TestCompiler.Result compile(String source) {
    return new TestCompiler(output)
        .compile("package a;\nimport dev.updraft.sdk.artifact.*;\n" + source);
  }

  @Test
  void acceptsAnAnnotatedSubclass() {
    TestCompiler.Result result =
        compile(
            """
            @ArtifactType("Report")
            public class Report extends Artifact {}
            """);

    assertThat(result.errors()).isEmpty();
  }

  @Test
  void rejectsATypeThatIsNotAnArtifact() {
    TestCompiler.Result result =
        compile(
            """
            @ArtifactType("Report")
            public class Report {}
            """);

    assertThat(result.errors())
        .singleElement()
        .asString()
        .contains("@ArtifactType a.Report does not extend dev.updraft.sdk.artifact.Artifact");
  }

  @Test
  void rejectsAnAbstractType() {
    TestCompiler.Result result =
        compile(
            """
            @ArtifactType("Report")
            public abstract class Report extends Artifact {}
            """);

    assertThat(result.errors())
        .singleElement()
        .asString()
        .contains("@ArtifactType class a.Report is abstract");
  }

  @Test
  void rejectsATypeWithoutAPublicNoArgumentConstructor() {
    TestCompiler.Result result =
        compile(
            """
            @ArtifactType("Report")
            public class Report extends Artifact {
              public Report(String uri) {}
            }
            """);

    assertThat(result.errors())
        .singleElement()
        .asString()
        .contains("@ArtifactType class a.Report has no public no-argument constructor");
  }

  @Test
  void rejectsASubclassWithoutTheAnnotation() {
    TestCompiler.Result result =
        compile(
            """
            public class Report extends Model {}
            """);

    assertThat(result.errors())
        .singleElement()
        .asString()
        .contains("class a.Report extends Artifact but is not annotated @ArtifactType");
  }
}
