/** Not public API: the runner's DAG source cache and its placeholder for unknown artifact types. */
package dev.updraft.runner.internal;
