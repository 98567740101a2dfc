package dev.apisync.activities.runs;

import dev.apisync.workflows.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A row of the runs table: one sync run as apisync recorded it.
 *
 * @param afterId the run's cursor: every record up to it was sent, failed or skipped
 */
public record RunRecord(
    String workflowId,
    String firstRunId,
    long configId,
    String configName,
    String trigger,
    List<Long> recordIds,
    boolean dryRun,
    RunStatus status,
    int pages,
    int sent,
    int failed,
    int skipped,
    long afterId,
    String error,
    Instant startedAt,
    Instant updatedAt,
    Optional<Instant> finishedAt) {

  public RunRecord {
    recordIds = List.copyOf(recordIds);
  }
}
