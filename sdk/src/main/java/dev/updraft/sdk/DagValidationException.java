package dev.updraft.sdk;

import java.util.List;
import java.util.stream.Collectors;

/** A DAG definition has problems; all of them are listed, each naming its culprit. */
public class DagValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String dagId;
  private final transient List<ValidationProblem> problems;

  public DagValidationException(String dagId, List<ValidationProblem> problems) {
    super(describe(dagId, problems));
    this.dagId = dagId;
    this.problems = List.copyOf(problems);
  }

  public String dagId() {
    return dagId;
  }

  /** Every problem found, in the order found. */
  public List<ValidationProblem> problems() {
    return problems;
  }

  private static String describe(String dagId, List<ValidationProblem> problems) {
    return "DAG '"
        + dagId
        + "' is invalid ("
        + problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + "):\n"
        + problems.stream().map(p -> "  - " + p.message()).collect(Collectors.joining("\n"));
  }
}
