package dev.apisync.workflows;

/**
 * How a run closed, for the runs table.
 *
 * @param status COMPLETED, FAILED or CANCELED (a terminated run cannot say so itself)
 * @param error why it failed or was canceled, empty when it completed
 */
public record RunEnd(
    String workflowId,
    RunStatus status,
    SyncProgress progress,
    String error,
    long finishedAtMillis) {}
