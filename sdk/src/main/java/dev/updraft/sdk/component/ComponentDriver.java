package dev.updraft.sdk.component;

import dev.updraft.sdk.artifact.Artifact;
import java.util.List;
import java.util.Map;

/**
 * Decides what an execution gets before it runs (TFX's {@code Driver}): which artifacts each input
 * receives and which parameters apply. The default takes what the bound channels' producers
 * published in this run and the parameters as bound; override either method to resolve otherwise
 * (the latest artifact of a type, an external dataset, a computed fingerprint).
 */
public interface ComponentDriver {

  /** The driver every component uses unless it names another. */
  ComponentDriver DEFAULT = new ComponentDriver() {};

  /** The artifacts each input key receives. */
  default Map<String, List<Artifact>> resolveInputs(DriverContext context) {
    return context.channelInputs();
  }

  /** The parameters the executor receives. */
  default Map<String, Object> resolveParameters(DriverContext context) {
    return context.parameters();
  }
}
