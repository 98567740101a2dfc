package dev.apisync.workflows;

import java.util.List;

/**
 * A record that was not delivered, and why.
 *
 * @param status the HTTP status that refused it, 0 when no response was involved
 * @param attempts how many times its request was sent, 0 when none was
 */
public record RecordFailure(long recordId, String reason, int status, int attempts) {

  /** Reasons stay short so that thousands of failures fit in a workflow result. */
  public static final int MAX_REASON_LENGTH = 500;

  /** A record that failed before any request was sent (mapping, script, unsendable URL). */
  public RecordFailure(long recordId, String reason, int status) {
    this(recordId, reason, status, 0);
  }

  /** The same failure for each of {@code recordIds}, in their order. */
  public static List<RecordFailure> all(
      List<Long> recordIds, String reason, int status, int attempts) {
    return recordIds.stream().map(id -> new RecordFailure(id, reason, status, attempts)).toList();
  }

  public RecordFailure {
    if (reason.length() > MAX_REASON_LENGTH) {
      reason = reason.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }
  }
}
