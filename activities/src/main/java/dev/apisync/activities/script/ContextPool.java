package dev.apisync.activities.script;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed number of warm contexts on the shared engine. An evaluation borrows one for its whole run
 * and gives it back. A context that was interrupted, cancelled or failed inside the language is
 * discarded, and a warm replacement is built in the background; its slot stays taken meanwhile, so
 * the pool never holds more than its size (plus, once configs take turns, one spare).
 *
 * <p>Isolation: a context that ran an owner's code (a config's scripts) serves that owner only, for
 * the rest of its life: whatever one config's script changed in it (a patched {@code datetime.now},
 * {@code json.dumps}, a module global) no other config ever sees. An owner gets, in this order, its
 * own most recently used idle context, a clean one, or the least recently used context of another
 * owner, closed and replaced by the clean spare (see {@link #retireAndKeepASpare}) or, when none is
 * ready, by a fresh one built on the spot: the cost of isolation, paid only when configs take turns
 * (the pages of one config keep their warm context). Borrowing with no owner (syntax checks, which
 * run no script code) takes any idle context and leaves it as it was.
 */
final class ContextPool implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ContextPool.class);

  private final PythonEngine engine;
  private final int size;
  private final Semaphore permits;

  /** Most recently used first. Guarded by itself. */
  private final Deque<ScriptContext> idle = new ArrayDeque<>();

  private final AtomicLong created = new AtomicLong();
  private final AtomicLong recycled = new AtomicLong();

  /** A clean warm context kept for the next switch between owners (see retireAndKeepASpare). */
  private final AtomicReference<ScriptContext> spare = new AtomicReference<>();

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

  /** Contexts closed because another owner needed one: what isolation has cost so far. */
  long recycled() {
    return recycled.get();
  }

  /**
   * A warm context for {@code owner}, created (and warmed) first if none can serve it.
   *
   * @param owner whose code the context will run (it then serves that owner only), or null for an
   *     evaluation that runs no script code
   * @throws ScriptsBusyException when no context frees up within {@code wait}
   */
  ScriptContext borrow(String owner, Duration wait) {
    try {
      if (!permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new ScriptsBusyException(
            "all " + size + " script contexts stayed busy for " + wait.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ScriptsBusyException("interrupted while waiting for a script context");
    }
    ScriptContext context = take(owner);
    try {
      if (context != null && !context.canServe(owner)) {
        log.debug(
            "Recycling script context #{} of {} for {}", context.number(), context.owner(), owner);
        recycled.incrementAndGet();
        ScriptContext retired = context;
        context = spare.getAndSet(null);
        retireAndKeepASpare(retired);
      }
      if (context == null) {
        context = create();
      }
    } catch (RuntimeException | Error e) {
      permits.release();
      throw e;
    }
    context.claimFor(owner);
    return context;
  }

  /**
   * The idle context that serves {@code owner} best: its own, else a clean one, else the least
   * recently used of another owner (which the caller must recycle); null when none is idle.
   */
  private ScriptContext take(String owner) {
    synchronized (idle) {
      if (owner == null) {
        return idle.pollFirst();
      }
      ScriptContext clean = null;
      for (ScriptContext context : idle) {
        if (owner.equals(context.owner())) {
          idle.remove(context);
          return context;
        }
        if (clean == null && context.owner() == null) {
          clean = context;
        }
      }
      if (clean != null) {
        idle.remove(clean);
        return clean;
      }
      return idle.pollLast();
    }
  }

  void giveBack(ScriptContext context) {
    if (closed) {
      context.close();
    } else {
      synchronized (idle) {
        idle.offerFirst(context);
      }
    }
    permits.release();
  }

  /**
   * Closes a context that another owner needed, and builds a clean warm spare for the next such
   * switch, both off the caller's thread: once configs take turns, a switch usually finds the spare
   * ready instead of building a context while its evaluation waits. The spare is one context beyond
   * the pool's size, built only once a switch has happened.
   */
  private void retireAndKeepASpare(ScriptContext retired) {
    try {
      replacer.execute(
          () -> {
            retired.close();
            if (closed || spare.get() != null) {
              return;
            }
            try {
              ScriptContext fresh = create();
              if (closed || !spare.compareAndSet(null, fresh)) {
                fresh.close();
              }
            } catch (RuntimeException e) {
              log.warn("Could not build a spare script context; the next switch builds one", e);
            }
          });
    } catch (RejectedExecutionException e) {
      retired.close();
    }
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
                ScriptContext replacement = create();
                synchronized (idle) {
                  idle.offerFirst(replacement);
                }
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
    ScriptContext unused = spare.getAndSet(null);
    if (unused != null) {
      unused.close();
    }
    synchronized (idle) {
      idle.forEach(ScriptContext::close);
      idle.clear();
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
