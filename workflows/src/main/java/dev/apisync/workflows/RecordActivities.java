package dev.apisync.workflows;

import io.temporal.activity.ActivityInterface;

/** Selects the records a run sends, a keyset page at a time. */
@ActivityInterface
public interface RecordActivities {

  /**
   * Fails non-retryably with {@link FailureTypes#INVALID_CONFIG} on a domain the source refuses.
   */
  RecordPage fetchPage(PageQuery query);
}
