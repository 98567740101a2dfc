package dev.apisync.api.runs;

/** The answer to starting a run: where to find it. */
public record RunStarted(String workflowId, String runId, String uiUrl) {}
