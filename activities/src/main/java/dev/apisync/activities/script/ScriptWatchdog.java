package dev.apisync.activities.script;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.graalvm.polyglot.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops evaluations that run past their time limit or allocate past their memory limit (GraalPy
 * community has no CPU-time or heap limits of its own): one thread checks the running evaluations
 * every {@link #TICK_MILLIS} ms and interrupts an offending context; if it has not stopped {@link
 * #GRACE} later (a guest that swallowed the interrupt, or code that never reaches a safepoint) the
 * context is closed with cancellation, which no guest code can catch. Either way the pool then
 * discards the context.
 */
final class ScriptWatchdog implements AutoCloseable {

  static final long TICK_MILLIS = 10;
  static final Duration GRACE = Duration.ofMillis(400);

  private static final Logger log = LoggerFactory.getLogger(ScriptWatchdog.class);

  /** Why the watchdog stopped an evaluation. */
  enum Stop {
    TIMEOUT,
    MEMORY
  }

  private final Set<Guard> running = ConcurrentHashMap.newKeySet();
  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final ExecutorService stopper =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "apisync-script-stopper");
            thread.setDaemon(true);
            return thread;
          });
  private final Thread thread;
  private volatile boolean closed;

  ScriptWatchdog() {
    if (threads.isThreadAllocatedMemorySupported()) {
      threads.setThreadAllocatedMemoryEnabled(true);
    }
    thread = new Thread(this::watch, "apisync-script-watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts guarding an evaluation that the calling thread is about to run in {@code context}. */
  Guard watch(Context context, Duration limit, long maxAllocatedBytes) {
    Guard guard = new Guard(context, Thread.currentThread().threadId(), limit, maxAllocatedBytes);
    running.add(guard);
    synchronized (this) {
      notifyAll();
    }
    return guard;
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    stopper.shutdownNow();
  }

  private void watch() {
    while (!closed) {
      try {
        synchronized (this) {
          while (running.isEmpty() && !closed) {
            wait();
          }
        }
        Thread.sleep(TICK_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      for (Guard guard : running) {
        guard.check(now);
      }
    }
  }

  private long allocatedBytes(long threadId) {
    return threads.isThreadAllocatedMemorySupported()
        ? Math.max(0, threads.getThreadAllocatedBytes(threadId))
        : 0;
  }

  /** One guarded evaluation. Closing it (the evaluation ended) stops the guarding. */
  final class Guard implements AutoCloseable {
    private final Context context;
    private final long threadId;
    private final long limitNanos;
    private final long maxAllocatedBytes;
    private volatile long deadline;
    private volatile long allocationBase;
    private volatile Stop stop;
    private volatile long stoppedAt;
    private volatile boolean cancelled;

    private Guard(Context context, long threadId, Duration limit, long maxAllocatedBytes) {
      this.context = context;
      this.threadId = threadId;
      this.limitNanos = limit.toNanos();
      this.maxAllocatedBytes = maxAllocatedBytes;
      rearm();
    }

    /** A new unit of work (the next record) starts: its time and memory count from now. */
    void rearm() {
      if (stop == null) {
        allocationBase = allocatedBytes(threadId);
        deadline = System.nanoTime() + limitNanos;
      }
    }

    /** Why the watchdog stopped this evaluation, if it did. */
    Stop stop() {
      return stop;
    }

    @Override
    public void close() {
      running.remove(this);
    }

    private void check(long now) {
      if (stop == null) {
        if (now - deadline > 0) {
          stopWith(Stop.TIMEOUT, now);
        } else if (maxAllocatedBytes > 0
            && allocatedBytes(threadId) - allocationBase > maxAllocatedBytes) {
          stopWith(Stop.MEMORY, now);
        }
      } else if (!cancelled && now - stoppedAt > GRACE.toNanos()) {
        cancelled = true;
        log.warn("A script ignored its interrupt; cancelling its context");
        stopper.execute(() -> context.close(true));
      }
    }

    private void stopWith(Stop why, long now) {
      stop = why;
      stoppedAt = now;
      stopper.execute(
          () -> {
            try {
              context.interrupt(GRACE);
            } catch (TimeoutException e) {
              // check() cancels the context once the grace period is over.
            } catch (RuntimeException e) {
              // The evaluation ended (or the context closed) meanwhile: nothing left to stop.
            }
          });
    }
  }
}
