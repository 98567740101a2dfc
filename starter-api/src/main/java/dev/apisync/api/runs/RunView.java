package dev.apisync.api.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.apisync.workflows.RunStatus;
import dev.apisync.workflows.SyncProgress;
import dev.apisync.workflows.SyncRunResult;

/**
 * A run as {@code GET /api/runs/{workflowId}} shows it.
 *
 * @param result set once the run completed
 * @param error set when the run failed, was canceled or terminated
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunView(
    String workflowId,
    String runId,
    long configId,
    String trigger,
    RunStatus status,
    SyncProgress progress,
    SyncRunResult result,
    String error,
    String uiUrl) {}
