package dev.apisync.workflows;

import java.time.Instant;

/**
 * A target origin's circuit is open: its requests failed to connect, or got 5xx answers, too many
 * times in a row. Runs toward it stop sending, wait until {@code nextProbeMillis} on a durable
 * timer and try one request; their records are not charged attempts meanwhile. Every run and worker
 * shares one circuit per origin (kept in PostgreSQL).
 *
 * @param origin {@code scheme://host:port}
 * @param sinceMillis when the circuit opened
 * @param nextProbeMillis when one request may try the target again
 * @param lastError what the last failed request got, URL redacted
 */
public record TargetOutage(
    String origin, long sinceMillis, long nextProbeMillis, String lastError) {

  public TargetOutage {
    lastError = lastError == null ? "" : lastError;
  }

  /** For the run's progress and the Web UI's current details. */
  public String describe() {
    return "target "
        + origin
        + " unavailable since "
        + Instant.ofEpochMilli(sinceMillis)
        + ", next probe at "
        + Instant.ofEpochMilli(nextProbeMillis)
        + (lastError.isEmpty() ? "" : " (" + lastError + ")");
  }
}
