package dev.apisync.api.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.apisync.activities.runs.RunRecord;
import dev.apisync.workflows.SyncProgress;
import java.time.Instant;

/** A run in {@code GET /api/runs}, as recorded in apisync's runs table. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSummary(
    String workflowId,
    long configId,
    String configName,
    String trigger,
    RunStatus status,
    boolean dryRun,
    SyncProgress progress,
    Instant startedAt,
    Instant finishedAt,
    String error,
    String uiUrl) {

  static RunSummary of(RunRecord run, RunStatus status, String uiUrl) {
    return new RunSummary(
        run.workflowId(),
        run.configId(),
        run.configName(),
        run.trigger(),
        status,
        run.dryRun(),
        new SyncProgress(run.pages(), run.sent(), run.failed(), run.skipped(), 0),
        run.startedAt(),
        run.finishedAt().orElse(null),
        run.error().isEmpty() ? null : run.error(),
        uiUrl);
  }
}
