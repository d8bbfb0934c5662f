package dev.updraft.sdk.artifact;

/** Metrics of a model over evaluation data (Evaluator's output). */
@ArtifactType("ModelEvaluation")
public class ModelEvaluation extends Artifact {}
