package dev.apisync.workflows;

import java.util.List;

/**
 * A request a slice tried once without success, handed to the workflow, which retries it as its own
 * delivery activity (the config's retry policy, {@code Retry-After}, splitting a refused page). It
 * carries its mapped records so that the retry sends the same body under the same {@code
 * Idempotency-Key}; only such requests put record data in history.
 *
 * @param scriptedBody the request script's body, empty without a script
 * @param attempts attempts already made (0 when a rate limit kept it from being sent)
 * @param refused the target refused it for good (a 4xx): the workflow splits it to isolate the
 *     refused records instead of sending it again
 * @param retryDelayMillis how long to wait before the next attempt (the target's {@code
 *     Retry-After}, or the wait for a rate-limit slot); 0 for the retry policy's own backoff
 */
public record UnfinishedRequest(
    List<MappedRecord> records,
    boolean asArray,
    String scriptedBody,
    int attempts,
    boolean refused,
    long retryDelayMillis) {

  public UnfinishedRequest {
    records = List.copyOf(records);
    scriptedBody = scriptedBody == null ? "" : scriptedBody;
  }

  public List<Long> recordIds() {
    return records.stream().map(MappedRecord::recordId).toList();
  }
}
