package dev.updraft.sdk.internal.run;

import static dev.updraft.sdk.TaskState.FAILED;
import static dev.updraft.sdk.TaskState.SKIPPED;
import static dev.updraft.sdk.TaskState.SUCCESS;
import static dev.updraft.sdk.TaskState.UPSTREAM_FAILED;
import static dev.updraft.sdk.internal.run.TriggerDecision.RUN;
import static dev.updraft.sdk.internal.run.TriggerDecision.SKIP;
import static dev.updraft.sdk.internal.run.TriggerDecision.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.TriggerRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule against every combination of two upstream states (finished or not), checked against
 * the rule's definition written independently below, plus hand-picked cases from Airflow's docs.
 */
class TriggerRuleEvaluatorTest {
  private static final TaskState[] STATES = {null, SUCCESS, FAILED, SKIPPED, UPSTREAM_FAILED};

  static Stream<Arguments> documentedCases() {
    return Stream.of(
        Arguments.of(TriggerRule.ALL_SUCCESS, List.of(SUCCESS, SUCCESS), RUN),
        Arguments.of(
            TriggerRule.ALL_SUCCESS, List.of(SUCCESS, FAILED), TriggerDecision.UPSTREAM_FAILED),
        Arguments.of(TriggerRule.ALL_SUCCESS, List.of(SUCCESS, SKIPPED), SKIP),
        Arguments.of(TriggerRule.ALL_SUCCESS, Arrays.asList(SUCCESS, null), WAIT),
        Arguments.of(TriggerRule.ALL_FAILED, List.of(FAILED, UPSTREAM_FAILED), RUN),
        Arguments.of(TriggerRule.ALL_FAILED, Arrays.asList(FAILED, SUCCESS), SKIP),
        Arguments.of(TriggerRule.ALL_DONE, List.of(FAILED, SKIPPED), RUN),
        Arguments.of(TriggerRule.ALL_DONE, Arrays.asList(FAILED, null), WAIT),
        Arguments.of(TriggerRule.ALL_DONE_MIN_ONE_SUCCESS, List.of(FAILED, SUCCESS), RUN),
        Arguments.of(
            TriggerRule.ALL_DONE_MIN_ONE_SUCCESS,
            List.of(FAILED, FAILED),
            TriggerDecision.UPSTREAM_FAILED),
        Arguments.of(TriggerRule.ALL_SKIPPED, List.of(SKIPPED, SKIPPED), RUN),
        Arguments.of(TriggerRule.ALL_SKIPPED, Arrays.asList(SUCCESS, null), SKIP),
        Arguments.of(TriggerRule.ONE_SUCCESS, Arrays.asList(SUCCESS, null), RUN),
        Arguments.of(TriggerRule.ONE_SUCCESS, List.of(SKIPPED, SKIPPED), SKIP),
        Arguments.of(
            TriggerRule.ONE_SUCCESS, List.of(FAILED, SKIPPED), TriggerDecision.UPSTREAM_FAILED),
        Arguments.of(TriggerRule.ONE_FAILED, Arrays.asList(FAILED, null), RUN),
        Arguments.of(TriggerRule.ONE_FAILED, List.of(SUCCESS, SKIPPED), SKIP),
        Arguments.of(TriggerRule.ONE_DONE, Arrays.asList(FAILED, null), RUN),
        Arguments.of(TriggerRule.ONE_DONE, List.of(SKIPPED, SKIPPED), SKIP),
        Arguments.of(TriggerRule.NONE_FAILED, List.of(SUCCESS, SKIPPED), RUN),
        Arguments.of(
            TriggerRule.NONE_FAILED,
            Arrays.asList(UPSTREAM_FAILED, null),
            TriggerDecision.UPSTREAM_FAILED),
        Arguments.of(TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS, List.of(SUCCESS, SKIPPED), RUN),
        Arguments.of(TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS, List.of(SKIPPED, SKIPPED), SKIP),
        Arguments.of(TriggerRule.NONE_SKIPPED, List.of(SUCCESS, FAILED), RUN),
        Arguments.of(TriggerRule.NONE_SKIPPED, Arrays.asList(SKIPPED, null), SKIP),
        Arguments.of(TriggerRule.ALWAYS, Arrays.asList(null, null), RUN),
        Arguments.of(TriggerRule.ALL_DONE_SETUP_SUCCESS, List.of(FAILED, SUCCESS), RUN));
  }

  @ParameterizedTest(name = "{0} with upstream {1} -> {2}")
  @MethodSource("documentedCases")
  void documentedCase(TriggerRule rule, List<TaskState> upstream, TriggerDecision expected) {
    assertThat(TriggerRuleEvaluator.decide(rule, UpstreamSummary.of(upstream))).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(TriggerRule.class)
  void everyTwoUpstreamCombinationFollowsTheRulesDefinition(TriggerRule rule) {
    for (TaskState a : STATES) {
      for (TaskState b : STATES) {
        List<TaskState> upstream = Arrays.asList(a, b);
        TriggerDecision decision = TriggerRuleEvaluator.decide(rule, UpstreamSummary.of(upstream));
        assertThat(decision).as("%s with %s", rule, upstream).isEqualTo(reference(rule, upstream));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TriggerRule.class)
  void aTaskWithoutUpstreamAlwaysRuns(TriggerRule rule) {
    assertThat(TriggerRuleEvaluator.decide(rule, UpstreamSummary.of(List.of()))).isEqualTo(RUN);
  }

  @Test
  void runIsOnlyDecidedOnceEnoughUpstreamTasksFinished() {
    List<TaskState> waiting = new ArrayList<>(Arrays.asList(null, null));
    for (TriggerRule rule : TriggerRule.values()) {
      TriggerDecision decision = TriggerRuleEvaluator.decide(rule, UpstreamSummary.of(waiting));
      assertThat(decision).as(rule.value()).isEqualTo(rule == TriggerRule.ALWAYS ? RUN : WAIT);
    }
  }

  /** The rules as Airflow's documentation defines them, written without the evaluator's code. */
  private static TriggerDecision reference(TriggerRule rule, List<TaskState> upstream) {
    Map<TaskState, Integer> n = new EnumMap<>(TaskState.class);
    int pending = 0;
    for (TaskState state : upstream) {
      if (state == null) {
        pending++;
      } else {
        n.merge(state, 1, Integer::sum);
      }
    }
    int success = n.getOrDefault(SUCCESS, 0);
    int failed = n.getOrDefault(FAILED, 0) + n.getOrDefault(UPSTREAM_FAILED, 0);
    int skipped = n.getOrDefault(SKIPPED, 0);
    int total = upstream.size();
    boolean done = pending == 0;
    return switch (rule) {
      case ALWAYS -> RUN;
      case ALL_SUCCESS ->
          failed > 0
              ? TriggerDecision.UPSTREAM_FAILED
              : skipped > 0 ? SKIP : success == total ? RUN : WAIT;
      case ALL_FAILED -> success + skipped > 0 ? SKIP : failed == total ? RUN : WAIT;
      case ALL_DONE, ALL_DONE_SETUP_SUCCESS -> done ? RUN : WAIT;
      case ALL_DONE_MIN_ONE_SUCCESS, ONE_SUCCESS -> {
        if (rule == TriggerRule.ONE_SUCCESS && success > 0) {
          yield RUN;
        }
        if (!done) {
          yield WAIT;
        }
        yield skipped == total ? SKIP : success == 0 ? TriggerDecision.UPSTREAM_FAILED : RUN;
      }
      case ALL_SKIPPED -> success + failed > 0 ? SKIP : skipped == total ? RUN : WAIT;
      case ONE_FAILED -> failed > 0 ? RUN : done ? SKIP : WAIT;
      case ONE_DONE -> success + n.getOrDefault(FAILED, 0) > 0 ? RUN : done ? SKIP : WAIT;
      case NONE_FAILED -> failed > 0 ? TriggerDecision.UPSTREAM_FAILED : done ? RUN : WAIT;
      case NONE_FAILED_MIN_ONE_SUCCESS ->
          failed > 0
              ? TriggerDecision.UPSTREAM_FAILED
              : skipped == total ? SKIP : done ? RUN : WAIT;
      case NONE_SKIPPED -> skipped > 0 ? SKIP : done ? RUN : WAIT;
    };
  }
}
