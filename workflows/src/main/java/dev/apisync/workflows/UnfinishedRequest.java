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
    List<Long> recordIds,
    List<MappedRecord> records,
    boolean asArray,
    String scriptedBody,
    int attempts,
    boolean refused,
    long retryDelayMillis) {

  public UnfinishedRequest {
    recordIds = List.copyOf(recordIds);
    records = List.copyOf(records);
    scriptedBody = scriptedBody == null ? "" : scriptedBody;
  }

  /** A request carrying its mapped records (and the request script's body, if any). */
  public static UnfinishedRequest carrying(
      List<MappedRecord> records,
      boolean asArray,
      String scriptedBody,
      int attempts,
      boolean refused,
      long retryDelayMillis) {
    return new UnfinishedRequest(
        records.stream().map(MappedRecord::recordId).toList(),
        records,
        asArray,
        scriptedBody,
        attempts,
        refused,
        retryDelayMillis);
  }

  /** Whether the records travel with the request (else the workflow maps them again). */
  public boolean carriesRecords() {
    return !records.isEmpty();
  }

  /** How much record data the request carries, in characters of JSON. */
  public long carriedSize() {
    return records.stream().mapToLong(record -> record.json().length()).sum()
        + scriptedBody.length();
  }

  /** The same request with only its record ids. */
  public UnfinishedRequest withoutRecords() {
    return new UnfinishedRequest(
        recordIds, List.of(), asArray, "", attempts, refused, retryDelayMillis);
  }
}
