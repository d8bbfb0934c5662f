package dev.updraft.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskChecksTest {
  @TempDir Path output;

  private TestCompiler.Result compile(String source) {
    return new TestCompiler(output).compile(source);
  }

  @Test
  void acceptsAMethodThatReturnsAValue() {
    TestCompiler.Result result =
        compile(
            """
            package a;
            import dev.updraft.sdk.task.Task;
            public class Tasks {
              @Task static String extract() { return "rows"; }
              @Task public int count(String rows) { return rows.length(); }
            }
            """);

    assertThat(result.errors()).isEmpty();
  }

  @Test
  void rejectsAPrivateMethod() {
    TestCompiler.Result result =
        compile(
            """
            package a;
            import dev.updraft.sdk.task.Task;
            public class Tasks {
              @Task private static String extract() { return "rows"; }
            }
            """);

    assertThat(result.errors())
        .singleElement()
        .asString()
        .contains("@Task method a.Tasks.extract is private");
  }

  @Test
  void rejectsAVoidMethod() {
    TestCompiler.Result result =
        compile(
            """
            package a;
            import dev.updraft.sdk.task.Task;
            public class Tasks {
              @Task static void load() {}
            }
            """);

    assertThat(result.errors())
        .singleElement()
        .asString()
        .contains("@Task method a.Tasks.load returns void")
        .contains("a @Task method must return a value, which becomes its XCom; return a value");
  }

  @Test
  void rejectsAnAbstractMethod() {
    TestCompiler.Result result =
        compile(
            """
            package a;
            import dev.updraft.sdk.task.Task;
            public abstract class Tasks {
              @Task abstract String extract();
            }
            """);

    assertThat(result.errors())
        .singleElement()
        .asString()
        .contains("@Task method a.Tasks.extract is abstract");
  }
}
