package dev.apisync.workflows;

import java.util.List;

/** A completed page: the run's counters so far and the records this page failed. */
public record RunPage(String workflowId, SyncProgress progress, List<RecordFailure> failures) {

  public RunPage {
    failures = List.copyOf(failures);
  }
}
