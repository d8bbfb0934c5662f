package dev.updraft.sdk.component;

import dev.updraft.sdk.artifact.Artifact;
import java.util.Objects;

/**
 * A typed stream of artifacts: one output of one component. Binding a channel to another
 * component's input wires the two, and makes the producer an upstream task of the consumer.
 *
 * @param producer the component whose output this is
 * @param outputKey the output's key in the producer's spec
 * @param type the artifact type the channel carries
 * @param <T> the artifact type
 */
public record Channel<T extends Artifact>(BaseComponent producer, String outputKey, Class<T> type) {
  public Channel {
    Objects.requireNonNull(producer, "producer");
    Objects.requireNonNull(outputKey, "outputKey");
    Objects.requireNonNull(type, "type");
  }

  @Override
  public String toString() {
    return producer.id() + "." + outputKey + "<" + Artifact.typeName(type) + ">";
  }
}
