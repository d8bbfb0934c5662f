package dev.updraft.web.auth;

/**
 * What a request wants to do, with the least role that may do it. The thresholds follow Airflow's
 * simple auth manager: reads need viewer, changing Dags needs user, pools, variables and
 * connections (including reading the latter two, which hold secrets) need op.
 */
public enum Permission {
  /** Read Dags, runs, task instances, assets, pools, configuration and the UI views. */
  READ(Role.VIEWER),
  /** Trigger, clear or mark Dag runs and task instances. */
  TRIGGER(Role.USER),
  /** Pause, unpause, edit or delete Dags. */
  EDIT(Role.USER),
  /** Create, change or delete pools (reading them is {@link #READ}). */
  POOLS(Role.OP),
  /** Create, change or delete variables (reading them is {@link #READ}, as in Airflow). */
  VARIABLES(Role.OP),
  /** Create, change or delete connections (reading them is {@link #READ}, as in Airflow). */
  CONNECTIONS(Role.OP),
  /** Everything else: user and server administration. */
  ADMIN(Role.ADMIN);

  private final Role minimumRole;

  Permission(Role minimumRole) {
    this.minimumRole = minimumRole;
  }

  /** The least role granted this permission. */
  public Role minimumRole() {
    return minimumRole;
  }
}
