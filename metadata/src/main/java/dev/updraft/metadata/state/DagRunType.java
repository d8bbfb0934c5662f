package dev.updraft.metadata.state;

import java.util.Arrays;

/** Why a DAG run exists, with Airflow's names ({@link #value()}). */
public enum DagRunType {
  MANUAL("manual"),
  SCHEDULED("scheduled"),
  BACKFILL("backfill"),
  ASSET_TRIGGERED("asset_triggered");

  private final String value;

  DagRunType(String value) {
    this.value = value;
  }

  /** Airflow's name, as stored in {@code dag_run.run_type}. */
  public String value() {
    return value;
  }

  /** The type named {@code value}; an error naming it for anything else. */
  public static DagRunType fromValue(String value) {
    return Arrays.stream(values())
        .filter(type -> type.value.equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown dag run type '" + value + "'"));
  }

  @Override
  public String toString() {
    return value;
  }
}
