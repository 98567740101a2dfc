package dev.apisync.api.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.apisync.activities.runs.RunRecord;
import dev.apisync.workflows.RunStatus;
import dev.apisync.workflows.SyncProgress;
import dev.apisync.workflows.SyncRunOptions;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.common.SearchAttributes;
import java.time.Instant;
import java.util.Optional;

/**
 * A run in {@code GET /api/runs}: who and what from Temporal's visibility record (search
 * attributes, status, times), the counts from apisync's runs table when the run has recorded them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSummary(
    String workflowId,
    String runId,
    long configId,
    String configName,
    String model,
    String trigger,
    RunStatus status,
    Boolean dryRun,
    SyncProgress progress,
    Instant startedAt,
    Instant finishedAt,
    String error,
    String uiUrl) {

  static RunSummary of(
      WorkflowExecutionMetadata execution, Optional<RunRecord> recorded, String uiUrl) {
    SearchAttributes attributes = execution.getTypedSearchAttributes();
    Long configId = attributes.get(SyncRunOptions.CONFIG_ID);
    return new RunSummary(
        execution.getExecution().getWorkflowId(),
        execution.getExecution().getRunId(),
        configId == null ? 0 : configId,
        recorded.map(RunRecord::configName).orElse(null),
        attributes.get(SyncRunOptions.MODEL),
        attributes.get(SyncRunOptions.TRIGGER),
        RunStatus.of(execution.getStatus()),
        recorded.map(RunRecord::dryRun).orElse(null),
        recorded
            .map(run -> new SyncProgress(run.pages(), run.sent(), run.failed(), run.skipped(), 0))
            .orElse(null),
        // A run that continued-as-new started with its first execution.
        recorded.map(RunRecord::startedAt).orElse(execution.getStartTime()),
        execution.getCloseTime(),
        recorded.map(RunRecord::error).filter(error -> !error.isEmpty()).orElse(null),
        uiUrl);
  }
}
