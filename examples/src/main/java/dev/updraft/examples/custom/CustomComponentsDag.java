package dev.updraft.examples.custom;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.DagDefinition;
import dev.updraft.sdk.DagFactory;
import dev.updraft.sdk.artifact.Examples;
import dev.updraft.sdk.component.FunctionComponent;

/**
 * Three custom components in one pipeline: {@link KeyValueExampleGen} (by inheritance) reads log
 * files a shell task writes, {@link FilterExamples} (from scratch: spec, executor, driver) keeps
 * the long-billed penguins, and {@code SummarizeColumn} (a function) summarizes them. Run it with
 * {@code ./updraft dags test custom_components}.
 */
@DagDefinition
public final class CustomComponentsDag implements DagFactory {

  /** Penguin measurements in key=value form, as a logging system might write them. */
  private static final String SAMPLE_LOG =
      """
      species=Adelie island=Torgersen bill_length_mm=39.1 body_mass_g=3750
      species=Adelie island=Torgersen bill_length_mm=39.5 body_mass_g=3800
      species=Adelie island=Dream bill_length_mm=37.2 body_mass_g=3300
      species=Gentoo island=Biscoe bill_length_mm=46.1 body_mass_g=4500
      species=Gentoo island=Biscoe bill_length_mm=50.0 body_mass_g=5700
      species=Gentoo island=Biscoe bill_length_mm=48.7 body_mass_g=5350
      species=Chinstrap island=Dream bill_length_mm=46.5 body_mass_g=3500
      species=Chinstrap island=Dream bill_length_mm=50.9 body_mass_g=3900
      species=Chinstrap island=Dream bill_length_mm=45.4 body_mass_g=3525
      """;

  @Override
  public Dag create() {
    DagBuilder dag =
        Dag.builder("custom_components")
            .description("Custom components: by inheritance, from scratch, and as a function")
            .tags("example", "components")
            .param("data_dir", "/tmp/updraft-examples/custom_components");

    var writeData =
        dag.bash(
            "write_sample_data",
            "mkdir -p {{ params.data_dir }} && cat > {{ params.data_dir }}/penguins.log <<'EOF'\n"
                + SAMPLE_LOG
                + "EOF\necho wrote {{ params.data_dir }}/penguins.log");

    var exampleGen = new KeyValueExampleGen("{{ params.data_dir }}");
    var filter = new FilterExamples(exampleGen.examples(), "bill_length_mm", 45.0);
    var summary =
        FunctionComponent.of(SummaryComponents.class, "summarizeColumn")
            .input("examples", filter.output(FilterExamples.FILTERED, Examples.class))
            .parameter("column", "body_mass_g");

    dag.component(exampleGen).dependsOn(writeData);
    dag.component(filter);
    dag.component(summary);
    return dag.build();
  }
}
