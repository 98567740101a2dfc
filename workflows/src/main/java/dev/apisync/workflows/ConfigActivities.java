package dev.apisync.workflows;

import io.temporal.activity.ActivityInterface;

/** Reads sync configs for a run. */
@ActivityInterface
public interface ConfigActivities {

  /**
   * The config as the run will use it, without secrets. Fails non-retryably with {@link
   * FailureTypes#CONFIG_NOT_FOUND} when the config does not exist.
   */
  ConfigSnapshot loadSnapshot(long configId);

  /**
   * Moves the config's incremental watermark forward to {@code writeDate} ({@link WriteDates});
   * never backward, so of two overlapping runs the later high point wins.
   */
  void advanceWatermark(long configId, String writeDate);
}
