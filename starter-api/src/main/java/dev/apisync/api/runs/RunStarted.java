package dev.apisync.api.runs;

/**
 * The answer to starting a run: where to find it.
 *
 * @param resumedAfterId for a retried run that continues where the earlier one stopped, the record
 *     id it starts after; 0 when it starts from the first record
 */
public record RunStarted(String workflowId, String runId, String uiUrl, long resumedAfterId) {}
