package dev.updraft.examples.custom;

import dev.updraft.sdk.artifact.Examples;
import dev.updraft.sdk.component.BaseComponent;
import dev.updraft.sdk.component.Channel;
import dev.updraft.sdk.component.Component;
import dev.updraft.sdk.component.ComponentDriver;
import dev.updraft.sdk.component.ComponentExecutor;
import dev.updraft.sdk.component.ComponentSpec;

/**
 * A component built from scratch, the TFX way: a spec ({@link #SPEC}), an executor ({@link
 * FilterExamplesExecutor}) and a driver ({@link LatestExamplesDriver}). It keeps the examples whose
 * {@code column} is at least {@code min_value}. Its input is optional: when no channel is bound,
 * the driver resolves the newest Examples the pipeline has produced.
 */
@Component("FilterExamples")
public final class FilterExamples extends BaseComponent {
  public static final String EXAMPLES = "examples";
  public static final String FILTERED = "filtered";
  public static final String COLUMN = "column";
  public static final String MIN_VALUE = "min_value";

  public static final ComponentSpec SPEC =
      ComponentSpec.builder()
          .optionalInput(EXAMPLES, Examples.class)
          .output(FILTERED, Examples.class)
          .parameter(COLUMN, String.class)
          .parameter(MIN_VALUE, Double.class)
          .build();

  /** Filters {@code examples} (or, when {@code null}, the pipeline's latest examples). */
  public FilterExamples(Channel<Examples> examples, String column, double minValue) {
    super(SPEC);
    if (examples != null) {
      bindInput(EXAMPLES, examples);
    }
    bindParameter(COLUMN, column);
    bindParameter(MIN_VALUE, minValue);
  }

  public Channel<Examples> filtered() {
    return output(FILTERED, Examples.class);
  }

  @Override
  public ComponentExecutor executor() {
    return new FilterExamplesExecutor();
  }

  @Override
  public ComponentDriver driver() {
    return new LatestExamplesDriver();
  }
}
