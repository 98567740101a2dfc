package dev.apisync.activities.script;

import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed number of warm contexts on the shared engine. An evaluation borrows one for its whole run
 * and gives it back. A context that was interrupted, cancelled or failed inside the language is
 * discarded, and a warm replacement is built in the background; its slot stays taken meanwhile, so
 * the pool never holds more than its size. The most recently used context is lent first, so a
 * lightly loaded worker keeps reusing its hottest context.
 */
final class ContextPool implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ContextPool.class);

  private final PythonEngine engine;
  private final int size;
  private final Semaphore permits;
  private final Deque<ScriptContext> idle = new ConcurrentLinkedDeque<>();
  private final AtomicLong created = new AtomicLong();
  private final ExecutorService replacer =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "apisync-script-pool");
            thread.setDaemon(true);
            return thread;
          });
  private volatile boolean closed;

  ContextPool(PythonEngine engine, int size) {
    this.engine = engine;
    this.size = size;
    this.permits = new Semaphore(size, true);
  }

  int size() {
    return size;
  }

  /** Contexts created since the pool started: the pool size once warm, plus replacements. */
  long created() {
    return created.get();
  }

  /**
   * A warm context, created (and warmed) first if none is idle.
   *
   * @throws ScriptsBusyException when no context frees up within {@code wait}
   */
  ScriptContext borrow(Duration wait) {
    try {
      if (!permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new ScriptsBusyException(
            "all " + size + " script contexts stayed busy for " + wait.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ScriptsBusyException("interrupted while waiting for a script context");
    }
    ScriptContext context = idle.pollFirst();
    if (context != null) {
      return context;
    }
    try {
      return create();
    } catch (RuntimeException | Error e) {
      permits.release();
      throw e;
    }
  }

  void giveBack(ScriptContext context) {
    if (closed) {
      context.close();
    } else {
      idle.offerFirst(context);
    }
    permits.release();
  }

  /** Closes the context and builds a warm replacement, both off the caller's thread. */
  void discard(ScriptContext context) {
    log.debug("Discarding script context #{}", context.number());
    try {
      replacer.execute(
          () -> {
            context.close();
            try {
              if (!closed) {
                idle.offerFirst(create());
              }
            } catch (RuntimeException e) {
              log.warn("Could not replace a script context; the next evaluation builds one", e);
            } finally {
              permits.release();
            }
          });
    } catch (RejectedExecutionException e) {
      context.close();
      permits.release();
    }
  }

  /**
   * Waits until every replacement asked for so far is built: the replacer runs them one at a time,
   * in order, so a no-op queued behind them finishes last.
   *
   * @return false when they were not all built within the timeout
   */
  boolean awaitReplacements(Duration timeout) throws InterruptedException {
    try {
      replacer.submit(() -> {}).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException | RejectedExecutionException e) {
      return false;
    }
  }

  @Override
  public void close() {
    closed = true;
    replacer.shutdownNow();
    ScriptContext context;
    while ((context = idle.pollFirst()) != null) {
      context.close();
    }
  }

  private ScriptContext create() {
    long started = System.nanoTime();
    long number = created.incrementAndGet();
    ScriptContext context = ScriptContext.create(engine, number);
    try {
      context.warm();
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
    log.debug(
        "Created script context #{} in {} ms", number, (System.nanoTime() - started) / 1_000_000);
    return context;
  }
}
