package dev.apisync.workflows;

/**
 * A record that was not delivered, and why.
 *
 * @param status the HTTP status that refused it, 0 when no response was involved
 */
public record RecordFailure(long recordId, String reason, int status) {

  /** Reasons stay short so that thousands of failures fit in a workflow result. */
  public static final int MAX_REASON_LENGTH = 500;

  public RecordFailure {
    if (reason.length() > MAX_REASON_LENGTH) {
      reason = reason.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }
  }
}
