package dev.apisync.api.runs;

/**
 * The body of {@code POST /api/runs/{workflowId}/retry}; optional.
 *
 * @param fromStart send every record again, even when the run stopped part way (by default it
 *     continues after the last record it finished)
 */
public record RetryRunRequest(Boolean fromStart) {

  public boolean isFromStart() {
    return Boolean.TRUE.equals(fromStart);
  }
}
