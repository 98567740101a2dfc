package dev.apisync.workflows;

import io.temporal.activity.ActivityInterface;

/**
 * Records a run in apisync's own database as it goes, so runs can be listed and retried without
 * Temporal's visibility store and after its retention. Every call is idempotent.
 */
@ActivityInterface
public interface RunRecordActivities {

  void runStarted(RunStart start);

  void pageRecorded(RunPage page);

  void runEnded(RunEnd end);

  /** Tells the run's running slice to start no new request (a cancel request). */
  void stopRequested(String workflowId);
}
