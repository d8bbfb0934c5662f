package dev.updraft.scheduler.dagbag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagFactory;
import dev.updraft.sdk.task.BashOperator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DagBagTest {
  @TempDir Path temp;

  private DagArtifacts artifacts() {
    return new DagArtifacts(temp.resolve("work"));
  }

  private Path dags() {
    return temp.resolve("dags");
  }

  @Test
  void loadsEveryDagOfAJar() {
    artifacts()
        .jar(
            dags().resolve("two.jar"),
            Map.of(
                "p.First", DagArtifacts.factory("p.First", "first"),
                "p.Second", DagArtifacts.factory("p.Second", "second")),
            List.of("p.First", "p.Second"));

    try (DagBag bag = DagBag.load(dags())) {
      assertThat(bag.importErrors()).isEmpty();
      assertThat(bag.dagIds()).containsExactly("first", "second");
      LoadedDag first = bag.dag("first").orElseThrow();
      assertThat(first.source()).isEqualTo(dags().resolve("two.jar").toString());
      assertThat(first.factoryClass()).isEqualTo("p.First");
      assertThat(first.dag().topologicalOrder()).containsExactly("a", "b");
      assertThat(bag.loadDuration()).isPositive();
    }
  }

  @Test
  void loadsAClassFolder() {
    Path folder =
        artifacts()
            .classFolder(
                dags().resolve("etl-classes"),
                Map.of("p.Etl", DagArtifacts.factory("p.Etl", "etl")),
                List.of("p.Etl"));

    try (DagBag bag = DagBag.load(dags())) {
      assertThat(bag.importErrors()).isEmpty();
      assertThat(bag.dagIds()).containsExactly("etl");
      assertThat(bag.dag("etl").orElseThrow().source()).isEqualTo(folder.toString());
    }
  }

  @Test
  void findsSourcesInNestedFoldersAndSkipsHiddenOnes() {
    DagArtifacts artifacts = artifacts();
    artifacts.jar(
        dags().resolve("team/nested/deep.jar"),
        Map.of("p.Deep", DagArtifacts.factory("p.Deep", "deep")),
        List.of("p.Deep"));
    artifacts.jar(
        dags().resolve(".hidden/secret.jar"),
        Map.of("p.Secret", DagArtifacts.factory("p.Secret", "secret")),
        List.of("p.Secret"));
    artifacts.jar(
        dags().resolve(".draft.jar"),
        Map.of("p.Draft", DagArtifacts.factory("p.Draft", "draft")),
        List.of("p.Draft"));

    try (DagBag bag = DagBag.load(dags())) {
      assertThat(bag.dagIds()).containsExactly("deep");
      assertThat(bag.importErrors()).isEmpty();
    }
  }

  @Test
  void givesEachJarItsOwnClassLoader() {
    DagArtifacts artifacts = artifacts();
    // Both jars define a.Helper and a.Factory, differently: only separate loaders keep them apart.
    for (String name : List.of("left", "right")) {
      artifacts.jar(
          dags().resolve(name + ".jar"),
          Map.of(
              "a.Helper",
              "package a; public class Helper { public static String name() { return \""
                  + name
                  + "\"; } }",
              "a.Factory",
              DagArtifacts.factory("a.Factory", "shared_name_placeholder")
                  .replace("\"shared_name_placeholder\"", "\"dag_\" + Helper.name()")),
          List.of("a.Factory"));
    }

    try (DagBag bag = DagBag.load(dags())) {
      assertThat(bag.importErrors()).isEmpty();
      assertThat(bag.dagIds()).containsExactly("dag_left", "dag_right");
      ClassLoader left = bag.classLoader("dag_left").orElseThrow();
      ClassLoader right = bag.classLoader("dag_right").orElseThrow();
      assertThat(left).isNotSameAs(right);
      assertThat(left.getParent()).isSameAs(DagBag.class.getClassLoader());
    }
  }

  @Test
  void reportsAFactoryThatThrowsAndStillLoadsItsNeighbour() {
    Path jar =
        artifacts()
            .jar(
                dags().resolve("mixed.jar"),
                Map.of(
                    "p.Broken",
                    "package p; public class Broken implements dev.updraft.sdk.DagFactory {"
                        + " public dev.updraft.sdk.Dag create() {"
                        + " throw new IllegalStateException(\"no database configured\"); } }",
                    "p.Good",
                    DagArtifacts.factory("p.Good", "good")),
                List.of("p.Broken", "p.Good"));

    try (DagBag bag = DagBag.load(dags())) {
      assertThat(bag.dagIds()).containsExactly("good");
      assertThat(bag.importErrors())
          .singleElement()
          .satisfies(
              error -> {
                assertThat(error.source()).isEqualTo(jar.toString());
                assertThat(error.message())
                    .contains("p.Broken")
                    .contains("IllegalStateException")
                    .contains("no database configured");
                assertThat(error.stackTrace())
                    .contains("java.lang.IllegalStateException: no database configured")
                    .contains("p.Broken.create(");
                assertThat(error.timestamp()).isNotNull();
              });
    }
  }

  @Test
  void reportsAListedClassThatDoesNotExist() {
    artifacts()
        .jar(
            dags().resolve("typo.jar"),
            Map.of("p.Good", DagArtifacts.factory("p.Good", "good")),
            List.of("p.Missing", "p.Good"));

    try (DagBag bag = DagBag.load(dags())) {
      assertThat(bag.dagIds()).containsExactly("good");
      assertThat(bag.importErrors())
          .singleElement()
          .satisfies(
              error -> {
                assertThat(error.message()).contains("p.Missing").contains("not found");
                assertThat(error.stackTrace()).contains("ClassNotFoundException");
              });
    }
  }

  @Test
  void reportsAListedClassThatIsNoFactory() {
    artifacts()
        .jar(
            dags().resolve("wrong.jar"),
            Map.of("p.Plain", "package p; public class Plain {}"),
            List.of("p.Plain"));

    try (DagBag bag = DagBag.load(dags())) {
      assertThat(bag.dags()).isEmpty();
      assertThat(bag.importErrors())
          .singleElement()
          .satisfies(
              error ->
                  assertThat(error.message())
                      .contains("p.Plain")
                      .contains("does not implement dev.updraft.sdk.DagFactory"));
    }
  }

  @Test
  void reportsAFactoryWithoutANoArgumentConstructor() {
    artifacts()
        .jar(
            dags().resolve("ctor.jar"),
            Map.of(
                "p.NeedsArg",
                "package p; public class NeedsArg implements dev.updraft.sdk.DagFactory {"
                    + " public NeedsArg(String s) {}"
                    + " public dev.updraft.sdk.Dag create() { return null; } }"),
            List.of("p.NeedsArg"));

    try (DagBag bag = DagBag.load(dags())) {
      assertThat(bag.importErrors())
          .singleElement()
          .satisfies(
              error ->
                  assertThat(error.message())
                      .contains("p.NeedsArg")
                      .contains("no public no-argument constructor"));
    }
  }

  @Test
  void reportsAFactoryWhoseStaticInitializerFails() {
    artifacts()
        .jar(
            dags().resolve("init.jar"),
            Map.of(
                "p.BadInit",
                "package p; public class BadInit implements dev.updraft.sdk.DagFactory {"
                    + " static final int X = Integer.parseInt(\"not a number\");"
                    + " public dev.updraft.sdk.Dag create() { return null; } }"),
            List.of("p.BadInit"));

    try (DagBag bag = DagBag.load(dags())) {
      assertThat(bag.importErrors())
          .singleElement()
          .satisfies(
              error -> {
                assertThat(error.message())
                    .contains("p.BadInit")
                    .contains("ExceptionInInitializerError")
                    .contains("NumberFormatException");
                assertThat(error.stackTrace()).contains("NumberFormatException");
              });
    }
  }

  @Test
  void reportsTheCycleOfTheDeliberatelyCyclicExample() throws IOException {
    String source;
    try (InputStream in = DagBagTest.class.getResourceAsStream("/dags/cyclic/CyclicDag.java")) {
      source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path jar =
        artifacts()
            .jar(
                dags().resolve("cyclic.jar"),
                Map.of("dags.cyclic.CyclicDag", source),
                List.of("dags.cyclic.CyclicDag"));

    try (DagBag bag = DagBag.load(dags())) {
      assertThat(bag.dags()).isEmpty();
      ImportError error = bag.importErrors().getFirst();
      assertThat(bag.importErrors()).hasSize(1);
      assertThat(error.source()).isEqualTo(jar.toString());
      assertThat(error.message())
          .contains("dags.cyclic.CyclicDag")
          .contains("DAG 'cyclic_etl' is invalid")
          // The compiler may enter the loop at any of its tasks; the order is what matters.
          .containsAnyOf(
              "extract >> transform >> load >> extract",
              "transform >> load >> extract >> transform",
              "load >> extract >> transform >> load");
    }
  }

  @Test
  void reportsEveryProblemOfAnInvalidDag() {
    artifacts()
        .jar(
            dags().resolve("invalid.jar"),
            Map.of(
                "p.Invalid",
                DagArtifacts.factory(
                    "p.Invalid",
                    "invalid",
                    "dag.bash(\"a\", \"echo\").then(dag.empty(\"a\"));"
                        + " dag.empty(\"c\").dependsOn(Dag.builder(\"other\").empty(\"ghost\"));")),
            List.of("p.Invalid"));

    try (DagBag bag = DagBag.load(dags())) {
      assertThat(bag.importErrors())
          .singleElement()
          .satisfies(
              error ->
                  assertThat(error.message())
                      .contains("p.Invalid")
                      .contains("DAG 'invalid' is invalid")
                      .contains("task id 'a' is used by 2 tasks")
                      .contains("'ghost'"));
    }
  }

  @Test
  void keepsTheFirstOfTwoDagsWithTheSameId() {
    DagArtifacts artifacts = artifacts();
    Path first =
        artifacts.jar(
            dags().resolve("a.jar"),
            Map.of("p.One", DagArtifacts.factory("p.One", "same")),
            List.of("p.One"));
    Path second =
        artifacts.jar(
            dags().resolve("b.jar"),
            Map.of("q.Two", DagArtifacts.factory("q.Two", "same")),
            List.of("q.Two"));

    try (DagBag bag = DagBag.load(dags())) {
      assertThat(bag.dagIds()).containsExactly("same");
      assertThat(bag.dag("same").orElseThrow().source()).isEqualTo(first.toString());
      assertThat(bag.importErrors())
          .singleElement()
          .satisfies(
              error -> {
                assertThat(error.source()).isEqualTo(second.toString());
                assertThat(error.message())
                    .isEqualTo("DAG id 'same' is already defined in " + first);
              });
    }
  }

  @Test
  void skipsAJarThatListsNoFactory() {
    Path library =
        artifacts()
            .jar(
                dags().resolve("lib/commons.jar"),
                Map.of("lib.Util", "package lib; public class Util {}"),
                List.of());

    try (DagBag bag = DagBag.load(dags())) {
      assertThat(bag.dags()).isEmpty();
      assertThat(bag.importErrors()).isEmpty();
      assertThat(bag.skippedSources()).containsExactly(library.toString());
    }
  }

  @Test
  void readsOnlyTheSourcesOwnServicesFileNotTheParents() {
    DagArtifacts artifacts = artifacts();
    Path parentClasses =
        artifacts.classFolder(
            temp.resolve("app-classes"),
            Map.of("app.AppDag", DagArtifacts.factory("app.AppDag", "app")),
            List.of("app.AppDag"));
    Path library =
        artifacts.jar(
            dags().resolve("library.jar"),
            Map.of("lib.Util", "package lib; public class Util {}"),
            List.of());

    try (URLClassLoader parent =
            new URLClassLoader(
                new URL[] {toUrl(parentClasses)}, DagBagTest.class.getClassLoader());
        DagBag bag = DagBag.builder().folder(dags()).parentClassLoader(parent).build()) {
      assertThat(bag.dags()).isEmpty();
      assertThat(bag.importErrors()).isEmpty();
      assertThat(bag.skippedSources()).containsExactly(library.toString());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void readsServicesFilesAsServiceLoaderDoes() {
    artifacts()
        .jar(
            dags().resolve("commented.jar"),
            Map.of("p.Good", DagArtifacts.factory("p.Good", "good")),
            List.of("# the factories", "", "  p.Good  # the only one", "p.Good"));

    try (DagBag bag = DagBag.load(dags())) {
      assertThat(bag.importErrors()).isEmpty();
      assertThat(bag.dagIds()).containsExactly("good");
    }
  }

  @Test
  void reportsACorruptJar() throws IOException {
    Path jar = Files.createDirectories(dags()).resolve("broken.jar");
    Files.writeString(jar, "this is not a zip file");

    try (DagBag bag = DagBag.load(dags())) {
      assertThat(bag.dags()).isEmpty();
      assertThat(bag.importErrors())
          .singleElement()
          .satisfies(error -> assertThat(error.source()).isEqualTo(jar.toString()));
    }
  }

  @Test
  void loadsRegisteredFactories() {
    try (DagBag bag =
        DagBag.builder()
            .register(new InlineFactory("inline"))
            .register(new ThrowingFactory())
            .build()) {
      LoadedDag inline = bag.dag("inline").orElseThrow();
      assertThat(inline.source()).isNull();
      assertThat(inline.factoryClass()).isEqualTo(InlineFactory.class.getName());
      assertThat(bag.classLoader("inline")).contains(InlineFactory.class.getClassLoader());
      assertThat(bag.importErrors())
          .singleElement()
          .satisfies(
              error -> {
                assertThat(error.source()).isEqualTo(ThrowingFactory.class.getName());
                assertThat(error.message())
                    .contains(ThrowingFactory.class.getName())
                    .contains("nope");
              });
    }
  }

  @Test
  void registeredFactoriesComeBeforeTheFolder() {
    Path jar =
        artifacts()
            .jar(
                dags().resolve("dup.jar"),
                Map.of("p.Dup", DagArtifacts.factory("p.Dup", "inline")),
                List.of("p.Dup"));

    try (DagBag bag =
        DagBag.builder().folder(dags()).register(new InlineFactory("inline")).build()) {
      assertThat(bag.dag("inline").orElseThrow().source()).isNull();
      assertThat(bag.importErrors())
          .singleElement()
          .satisfies(
              error -> {
                assertThat(error.source()).isEqualTo(jar.toString());
                assertThat(error.message())
                    .isEqualTo(
                        "DAG id 'inline' is already defined in " + InlineFactory.class.getName());
              });
    }
  }

  @Test
  void sortsDagsById() {
    DagArtifacts artifacts = artifacts();
    artifacts.jar(
        dags().resolve("a.jar"),
        Map.of("p.Z", DagArtifacts.factory("p.Z", "zulu")),
        List.of("p.Z"));
    artifacts.jar(
        dags().resolve("b.jar"),
        Map.of("p.A", DagArtifacts.factory("p.A", "alpha")),
        List.of("p.A"));

    try (DagBag bag = DagBag.load(dags())) {
      assertThat(bag.dags()).extracting(LoadedDag::dagId).containsExactly("alpha", "zulu");
      assertThat(bag.dagIds()).containsExactly("alpha", "zulu");
    }
  }

  @Test
  void loadsNothingFromAMissingFolder() {
    try (DagBag bag = DagBag.load(temp.resolve("no-such-folder"))) {
      assertThat(bag.dags()).isEmpty();
      assertThat(bag.importErrors()).isEmpty();
      assertThat(bag.skippedSources()).isEmpty();
    }
  }

  @Test
  void loadsAJarGivenAsTheFolder() {
    Path jar =
        artifacts()
            .jar(
                temp.resolve("single.jar"),
                Map.of("p.Only", DagArtifacts.factory("p.Only", "only")),
                List.of("p.Only"));

    try (DagBag bag = DagBag.load(jar)) {
      assertThat(bag.dagIds()).containsExactly("only");
    }
  }

  @Test
  void closingTheBagClosesItsClassLoaders() {
    artifacts()
        .jar(
            dags().resolve("one.jar"),
            Map.of("p.One", DagArtifacts.factory("p.One", "one")),
            List.of("p.One"));

    DagBag bag = DagBag.load(dags());
    URLClassLoader loader = (URLClassLoader) bag.classLoader("one").orElseThrow();
    assertThat(loader.findResource(DagSource.SERVICES_ENTRY)).isNotNull();

    bag.close();

    // A closed URLClassLoader finds nothing more.
    assertThat(loader.findResource(DagSource.SERVICES_ENTRY)).isNull();
    bag.close(); // closing twice is harmless
  }

  @Test
  void runsFactoriesWithTheirOwnLoaderAsContextLoader() {
    artifacts()
        .jar(
            dags().resolve("context.jar"),
            Map.of(
                "p.Context",
                DagArtifacts.factory(
                    "p.Context",
                    "context",
                    "if (Thread.currentThread().getContextClassLoader() != getClass()"
                        + ".getClassLoader()) throw new IllegalStateException(\"wrong loader\");")),
            List.of("p.Context"));

    try (DagBag bag = DagBag.load(dags())) {
      assertThat(bag.importErrors()).isEmpty();
      assertThat(bag.dagIds()).containsExactly("context");
    }
  }

  private static URL toUrl(Path path) {
    try {
      return path.toUri().toURL();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** A factory from the application's own class path. */
  public static final class InlineFactory implements DagFactory {
    private final String dagId;

    InlineFactory(String dagId) {
      this.dagId = dagId;
    }

    @Override
    public Dag create() {
      var dag = Dag.builder(dagId).schedule("@daily").startDate("2024-01-01");
      dag.bash("hello", BashOperator.of("echo hello"));
      return dag.build();
    }
  }

  /** A registered factory that fails. */
  public static final class ThrowingFactory implements DagFactory {
    @Override
    public Dag create() {
      throw new UnsupportedOperationException("nope");
    }
  }
}
