package dev.updraft.scheduler.backfill;

/** A backfill that cannot be made: bad range, future dates, a schedule that has no intervals. */
public final class InvalidBackfillException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidBackfillException(String message) {
    super(message);
  }
}
