package dev.updraft.runner;

/**
 * How a runner's try ended, as the runner tells its executor on the control channel.
 *
 * @param reported whether the outcome reached the execution API (or the API said the try is no
 *     longer this runner's to report)
 * @param recycle whether the runner must not serve another try (a try thread may still run, e.g.
 *     after its execution timeout): the executor stops its process tree
 * @param message what happened, for the executor's log
 */
public record TryResult(boolean reported, boolean recycle, String message) {}
