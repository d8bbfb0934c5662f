/**
 * Runs task tries in child JVMs. Not built yet: see issue 4; tests and dags test use the SDK's
 * in-process runner.
 */
package dev.updraft.executor.local;
