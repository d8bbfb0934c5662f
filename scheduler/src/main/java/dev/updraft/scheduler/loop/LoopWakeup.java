package dev.updraft.scheduler.loop;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes an idle scheduling loop early: an executor signals when a try ends, so the loop's next pass
 * follows at once instead of after the poll interval. A signal given while the loop is busy is
 * kept, so the following wait returns at once.
 */
public final class LoopWakeup {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition signalled = lock.newCondition();
  private boolean pending;

  /** Something changed that the loop should look at. */
  public void signal() {
    lock.lock();
    try {
      pending = true;
      signalled.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until a signal or {@code max} has passed; whether a signal came. Consumes the signal. */
  public boolean await(Duration max) throws InterruptedException {
    lock.lock();
    try {
      long nanos = max.toNanos();
      while (!pending && nanos > 0) {
        nanos = signalled.awaitNanos(nanos);
      }
      boolean woken = pending;
      pending = false;
      return woken;
    } finally {
      lock.unlock();
    }
  }
}
