/**
 * The metadata database (Airflow state and ML lineage, on H2 and PostgreSQL). Not built yet: see
 * issue 3.
 */
package dev.updraft.metadata;
