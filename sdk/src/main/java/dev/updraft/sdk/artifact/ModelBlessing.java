package dev.updraft.sdk.artifact;

/**
 * An Evaluator's verdict on a candidate model: blessed or not, and which model it judged. The
 * latest blessed model is the newest {@link Model} with a blessing that says so.
 */
@ArtifactType("ModelBlessing")
public class ModelBlessing extends Artifact {
  /** The property that holds 1 when the model is blessed, 0 when not (as TFX stores it). */
  public static final String BLESSED = "blessed";

  /** The property that holds the judged model's artifact id. */
  public static final String CURRENT_MODEL_ID = "current_model_id";

  public boolean isBlessed() {
    Object value = property(BLESSED);
    return value instanceof Number number && number.intValue() == 1;
  }

  public void setBlessed(boolean blessed) {
    setProperty(BLESSED, blessed ? 1 : 0);
  }
}
