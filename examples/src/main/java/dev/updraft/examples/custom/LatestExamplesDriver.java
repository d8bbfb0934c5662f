package dev.updraft.examples.custom;

import dev.updraft.sdk.artifact.Artifact;
import dev.updraft.sdk.artifact.Examples;
import dev.updraft.sdk.component.ComponentDriver;
import dev.updraft.sdk.component.DriverContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code examples} from the bound channel when there is one, else from the newest LIVE
 * Examples recorded for the pipeline (what TFX's latest-artifact resolver does).
 */
public final class LatestExamplesDriver implements ComponentDriver {
  @Override
  public Map<String, List<Artifact>> resolveInputs(DriverContext context) {
    Map<String, List<Artifact>> inputs = new LinkedHashMap<>(context.channelInputs());
    if (inputs.getOrDefault(FilterExamples.EXAMPLES, List.of()).isEmpty()) {
      List<Examples> latest = context.latestArtifacts(Examples.class, 1);
      context.log().println("No examples bound; resolved the latest: " + latest);
      inputs.put(FilterExamples.EXAMPLES, List.copyOf(latest));
    }
    return inputs;
  }
}
