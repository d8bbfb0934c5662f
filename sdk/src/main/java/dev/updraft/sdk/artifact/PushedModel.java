package dev.updraft.sdk.artifact;

/** A model copied to its serving destination (Pusher's output). */
@ArtifactType("PushedModel")
public class PushedModel extends Artifact {}
