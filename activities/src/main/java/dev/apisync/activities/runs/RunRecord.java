package dev.apisync.activities.runs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A row of the runs table: one sync run as apisync recorded it. */
public record RunRecord(
    String workflowId,
    String firstRunId,
    long configId,
    String configName,
    String trigger,
    List<Long> recordIds,
    boolean dryRun,
    String status,
    int pages,
    int sent,
    int failed,
    int skipped,
    String error,
    Instant startedAt,
    Instant updatedAt,
    Optional<Instant> finishedAt) {

  public RunRecord {
    recordIds = List.copyOf(recordIds);
  }
}
