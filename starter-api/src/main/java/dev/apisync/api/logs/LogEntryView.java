package dev.apisync.api.logs;

import dev.apisync.activities.requestlog.LoggedRequest;
import dev.apisync.activities.requestlog.RequestLogEntry;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP attempt as {@code GET /api/logs} shows it; secrets were redacted before it was stored.
 */
@Schema(name = "RequestLogEntry")
public record LogEntryView(
    long id,
    Instant createdAt,
    @Schema(description = "The run's workflow id; empty for a delivery made outside a run")
        String workflowId,
    String runId,
    long configId,
    List<Long> recordIds,
    @Schema(description = "Temporal's attempt number of the delivery, from 1") int attempt,
    String method,
    @Schema(description = "As sent, secret-looking query parameters masked") String url,
    @Schema(description = "As sent, secret values masked as ***")
        Map<String, String> requestHeaders,
    @Schema(description = "The first 64 KiB; a longer body ends with a [truncated ...] marker")
        String requestBody,
    @Schema(description = "Null when no response came back", nullable = true)
        Integer responseStatus,
    @Schema(nullable = true) Map<String, String> responseHeaders,
    @Schema(
            description =
                "The first apisync.logs.response-bytes (default 4 KiB), marked as for requestBody"
                    + " when cut",
            nullable = true)
        String responseBody,
    long durationMs,
    @Schema(
            description =
                "SENT (2xx), RETRYING (408, 425, 429, 5xx: retried), FAILED (3xx, other 4xx, or the"
                    + " egress policy refused the target: not"
                    + " retried), ERROR (no response: timeout, refused, reset)",
            allowableValues = {"SENT", "RETRYING", "FAILED", "ERROR"})
        String outcome,
    @Schema(description = "Why the attempt did not succeed; null when it did", nullable = true)
        String error) {

  static LogEntryView of(LoggedRequest row) {
    RequestLogEntry entry = row.entry();
    boolean answered = entry.hasResponse();
    return new LogEntryView(
        row.id(),
        row.createdAt(),
        entry.workflowId(),
        entry.runId(),
        entry.configId(),
        entry.recordIds(),
        entry.attempt(),
        entry.method(),
        entry.url(),
        entry.requestHeaders(),
        entry.requestBody(),
        answered ? entry.responseStatus() : null,
        answered ? entry.responseHeaders() : null,
        answered ? entry.responseBody() : null,
        entry.durationMs(),
        entry.outcome().name(),
        entry.error().isEmpty() ? null : entry.error());
  }
}
