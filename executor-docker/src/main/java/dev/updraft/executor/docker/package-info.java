/** Runs task tries in Docker containers. Not built yet. */
package dev.updraft.executor.docker;
