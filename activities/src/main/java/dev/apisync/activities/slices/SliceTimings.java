package dev.apisync.activities.slices;

import dev.apisync.workflows.SliceResult;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a slice's coordinator spent its time, logged once per slice: what bounds a run's speed (the
 * source, the target or apisync's own database) without a profiler.
 */
final class SliceTimings {

  private static final Logger log = LoggerFactory.getLogger(SliceTimings.class);

  private final long started = System.nanoTime();
  private long fetchNanos;
  private long mapNanos;
  private long mappingWaitNanos;
  private long slotWaitNanos;
  private long answerWaitNanos;

  void fetched(long nanos) {
    fetchNanos += nanos;
  }

  /** Called from the threads that map, several at a time. */
  synchronized void mapped(long nanos) {
    mapNanos += nanos;
  }

  void waitedForMapping(long nanos) {
    mappingWaitNanos += nanos;
  }

  void waitedForSlot(long nanos) {
    slotWaitNanos += nanos;
  }

  void answered(long answerWait) {
    answerWaitNanos += answerWait;
  }

  synchronized void log(String sliceKey, SliceResult slice) {
    log.info(
        "slice {} pages={} sent={} failed={} unfinished={} ms={} fetchMs={} mapMs={}"
            + " mappingWaitMs={} slotWaitMs={} answerWaitMs={}",
        sliceKey,
        slice.pages(),
        slice.sent(),
        slice.failed(),
        slice.unfinished().size(),
        millis(System.nanoTime() - started),
        millis(fetchNanos),
        millis(mapNanos),
        millis(mappingWaitNanos),
        millis(slotWaitNanos),
        millis(answerWaitNanos));
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }
}
