package dev.updraft.scheduler.dagbag;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.Function;

/**
 * Maps a list in parallel, keeping its order. It runs in a pool of its own rather than the common
 * pool, so that DAG code which blocks cannot starve unrelated work sharing the common pool.
 */
final class OrderedParallel {
  private OrderedParallel() {}

  static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> function) {
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), items.size());
    if (threads < 2) {
      return items.stream().<R>map(function).toList();
    }
    ForkJoinPool pool = new ForkJoinPool(threads, OrderedParallel::newThread, null, false);
    try {
      // A parallel stream started from a pool's task runs in that pool.
      return pool.submit(() -> items.parallelStream().<R>map(function).toList()).join();
    } finally {
      pool.shutdown();
    }
  }

  private static ForkJoinWorkerThread newThread(ForkJoinPool pool) {
    ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
    thread.setName("dagbag-loader-" + thread.getPoolIndex());
    return thread;
  }
}
