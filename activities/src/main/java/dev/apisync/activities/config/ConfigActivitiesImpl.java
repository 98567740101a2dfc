package dev.apisync.activities.config;

import dev.apisync.workflows.ConfigActivities;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.FailureTypes;
import dev.apisync.workflows.WriteDates;
import io.temporal.failure.ApplicationFailure;

/** Loads a run's config snapshot from the store. */
public class ConfigActivitiesImpl implements ConfigActivities {

  private final ConfigStore store;

  public ConfigActivitiesImpl(ConfigStore store) {
    this.store = store;
  }

  @Override
  public ConfigSnapshot loadSnapshot(long configId) {
    return store
        .snapshot(configId)
        .orElseThrow(
            () ->
                ApplicationFailure.newNonRetryableFailure(
                    "sync config " + configId + " does not exist", FailureTypes.CONFIG_NOT_FOUND));
  }

  @Override
  public void advanceWatermark(long configId, String writeDate) {
    store.advanceWatermark(configId, WriteDates.parse(writeDate));
  }
}
