package dev.updraft.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DagDefinitionChecksTest {
  @TempDir Path output;

  private TestCompiler.Result compile(String... sources) {
    return new TestCompiler(output).compile(sources);
  }

  @Test
  void listsValidDefinitionsInTheServicesFileByBinaryName() {
    TestCompiler.Result result =
        compile(
            """
            package a;
            @dev.updraft.sdk.DagDefinition
            public class MyDag implements dev.updraft.sdk.DagFactory {
              public dev.updraft.sdk.Dag create() { return null; }
            }
            """,
            """
            package a;
            public class Outer {
              @dev.updraft.sdk.DagDefinition
              public static class Inner implements dev.updraft.sdk.DagFactory {
                public Inner() {}
                public dev.updraft.sdk.Dag create() { return null; }
              }
            }
            """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.success()).isTrue();
    assertThat(result.servicesFile()).contains(List.of("a.MyDag", "a.Outer$Inner"));
  }

  @Test
  void acceptsAFactoryImplementedThroughASuperclass() {
    TestCompiler.Result result =
        compile(
            """
            package a;
            public abstract class Base implements dev.updraft.sdk.DagFactory {}
            """,
            """
            package a;
            @dev.updraft.sdk.DagDefinition
            public class Child extends Base {
              public dev.updraft.sdk.Dag create() { return null; }
            }
            """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.servicesFile()).contains(List.of("a.Child"));
  }

  @Test
  void rejectsAnAbstractDefinition() {
    TestCompiler.Result result =
        compile(
            """
            package a;
            @dev.updraft.sdk.DagDefinition
            public abstract class AbstractDag implements dev.updraft.sdk.DagFactory {}
            """);

    assertThat(result.success()).isFalse();
    assertThat(result.errors())
        .singleElement()
        .asString()
        .contains("@DagDefinition class a.AbstractDag is abstract")
        .contains("concrete subclass");
    assertThat(result.servicesFile()).isEmpty();
  }

  @Test
  void rejectsADefinitionWithoutANoArgumentConstructor() {
    TestCompiler.Result result =
        compile(
            """
            package a;
            @dev.updraft.sdk.DagDefinition
            public class NeedsArg implements dev.updraft.sdk.DagFactory {
              public NeedsArg(String name) {}
              public dev.updraft.sdk.Dag create() { return null; }
            }
            """);

    assertThat(result.errors())
        .singleElement()
        .asString()
        .contains("a.NeedsArg has no public no-argument constructor")
        .contains("add one");
  }

  @Test
  void rejectsAPrivateNoArgumentConstructor() {
    TestCompiler.Result result =
        compile(
            """
            package a;
            @dev.updraft.sdk.DagDefinition
            public class Hidden implements dev.updraft.sdk.DagFactory {
              private Hidden() {}
              public dev.updraft.sdk.Dag create() { return null; }
            }
            """);

    assertThat(result.errors())
        .singleElement()
        .asString()
        .contains("a.Hidden has no public no-argument constructor");
  }

  @Test
  void rejectsADefinitionThatIsNotADagFactory() {
    TestCompiler.Result result =
        compile(
            """
            package a;
            @dev.updraft.sdk.DagDefinition
            public class NotAFactory {}
            """);

    assertThat(result.errors())
        .singleElement()
        .asString()
        .contains("a.NotAFactory does not implement dev.updraft.sdk.DagFactory");
  }

  @Test
  void rejectsANonPublicDefinition() {
    TestCompiler.Result result =
        compile(
            """
            package a;
            @dev.updraft.sdk.DagDefinition
            class PackagePrivate implements dev.updraft.sdk.DagFactory {
              public PackagePrivate() {}
              public dev.updraft.sdk.Dag create() { return null; }
            }
            """);

    assertThat(result.errors())
        .singleElement()
        .asString()
        .contains("a.PackagePrivate is not public")
        .contains("make it public");
  }

  @Test
  void rejectsAnInnerClass() {
    TestCompiler.Result result =
        compile(
            """
            package a;
            public class Holder {
              @dev.updraft.sdk.DagDefinition
              public class Inner implements dev.updraft.sdk.DagFactory {
                public dev.updraft.sdk.Dag create() { return null; }
              }
            }
            """);

    assertThat(result.errors())
        .singleElement()
        .asString()
        .contains("a.Holder.Inner is an inner class")
        .contains("make it static");
  }

  @Test
  void rejectsAnInterface() {
    TestCompiler.Result result =
        compile(
            """
            package a;
            @dev.updraft.sdk.DagDefinition
            public interface Factory extends dev.updraft.sdk.DagFactory {}
            """);

    assertThat(result.errors()).singleElement().asString().contains("a.Factory is not a class");
  }

  @Test
  void rejectsAFactoryWithoutTheAnnotation() {
    TestCompiler.Result result =
        compile(
            """
            package a;
            public class Forgotten implements dev.updraft.sdk.DagFactory {
              public dev.updraft.sdk.Dag create() { return null; }
            }
            """);

    assertThat(result.errors())
        .singleElement()
        .asString()
        .contains(
            "class a.Forgotten implements DagFactory but is not annotated @DagDefinition, so the"
                + " DAG bag would never find it");
  }

  @Test
  void ignoresAnAbstractFactoryWithoutTheAnnotation() {
    TestCompiler.Result result =
        compile(
            """
            package a;
            public abstract class Base implements dev.updraft.sdk.DagFactory {}
            """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.servicesFile()).isEmpty();
  }

  @Test
  void mergesWithAnExistingServicesFile() throws Exception {
    Path services = output.resolve(TestCompiler.SERVICES_FILE);
    Files.createDirectories(services.getParent());
    Files.writeString(services, "z.Earlier\n# a comment\na.MyDag\n\n");

    TestCompiler.Result result =
        compile(
            """
            package a;
            @dev.updraft.sdk.DagDefinition
            public class MyDag implements dev.updraft.sdk.DagFactory {
              public dev.updraft.sdk.Dag create() { return null; }
            }
            """,
            """
            package b;
            @dev.updraft.sdk.DagDefinition
            public class Another implements dev.updraft.sdk.DagFactory {
              public dev.updraft.sdk.Dag create() { return null; }
            }
            """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.servicesFile()).contains(List.of("a.MyDag", "b.Another", "z.Earlier"));
  }

  @Test
  void writesNoServicesFileWithoutDefinitions() {
    TestCompiler.Result result =
        compile(
            """
            package a;
            public class Plain {}
            """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.servicesFile()).isEmpty();
  }
}
