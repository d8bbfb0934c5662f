/**
 * Airflow's state in the metadata database: DAGs, runs, task instances and their tries, XComs,
 * pools, variables, connections (secrets encrypted at rest), import errors, the event log and job
 * heartbeats.
 *
 * <p>Each aggregate has a record for its rows and a repository that takes a {@link
 * dev.updraft.metadata.MetadataDatabase}; every write is one transaction, and repositories are safe
 * to share between threads. Table, column and state names are Airflow's, so the database reads like
 * Airflow's to anyone who knows it.
 */
package dev.updraft.metadata.state;
