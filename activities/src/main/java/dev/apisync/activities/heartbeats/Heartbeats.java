package dev.apisync.activities.heartbeats;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Heartbeats for activities whose work is one long call (mapping a page with Python lines, a
 * request script): while it runs, the activity heartbeats every few seconds from a thread of its
 * own, so a worker that dies mid-call is noticed within the heartbeat timeout instead of the
 * activity's whole start-to-close timeout.
 */
public final class Heartbeats {

  private static final long EVERY_SECONDS = 5;

  private static final ScheduledExecutorService BEATS =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("activity-heartbeats").daemon().factory());

  private Heartbeats() {}

  /** Runs {@code work}, heartbeating meanwhile when called on an activity's thread. */
  public static <T> T during(Supplier<T> work) {
    ActivityExecutionContext context;
    try {
      context = Activity.getExecutionContext();
    } catch (IllegalStateException notAnActivity) {
      // Called by a slice's sender thread: the slice heartbeats for itself.
      return work.get();
    }
    ScheduledFuture<?> beating =
        BEATS.scheduleAtFixedRate(() -> beat(context), 0, EVERY_SECONDS, TimeUnit.SECONDS);
    try {
      return work.get();
    } finally {
      beating.cancel(false);
    }
  }

  private static void beat(ActivityExecutionContext context) {
    try {
      context.heartbeat(null);
    } catch (RuntimeException goneOrCanceled) {
      // The attempt timed out or was canceled: Temporal refuses its result, nothing to do here.
    }
  }
}
