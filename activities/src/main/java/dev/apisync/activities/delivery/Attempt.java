package dev.apisync.activities.delivery;

import dev.apisync.activities.config.TargetCredentials;
import dev.apisync.activities.requestlog.AttemptOutcome;
import dev.apisync.activities.requestlog.LoggedText;
import dev.apisync.activities.requestlog.RequestLogEntry;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.UrlRedaction;
import java.util.Map;

/** One HTTP attempt of a delivery, and the request-log rows it can end in (secrets redacted). */
record Attempt(
    ConfigSnapshot config,
    OutboundRequest outbound,
    TargetCredentials credentials,
    AttemptContext context) {

  RequestLogEntry answered(long durationMs, ResponseOutcome response) {
    AttemptOutcome outcome =
        switch (response.statusClass()) {
          case SUCCESS -> AttemptOutcome.SENT;
          case RETRYABLE -> AttemptOutcome.RETRYING;
          case PERMANENT -> AttemptOutcome.FAILED;
        };
    return entry(
        durationMs,
        response.status(),
        SecretRedactor.redactedMap(response.headers(), credentials),
        response.body(),
        outcome,
        outcome == AttemptOutcome.SENT ? "" : response.failureReason());
  }

  RequestLogEntry noResponse(long durationMs, String error) {
    return entry(durationMs, 0, Map.of(), "", AttemptOutcome.ERROR, error);
  }

  /** The egress policy refused the target: nothing was sent, and no retry will be. */
  RequestLogEntry refused(long durationMs, String reason) {
    return entry(durationMs, 0, Map.of(), "", AttemptOutcome.FAILED, reason);
  }

  private RequestLogEntry entry(
      long durationMs,
      int status,
      Map<String, String> responseHeaders,
      String responseBody,
      AttemptOutcome outcome,
      String error) {
    return new RequestLogEntry(
        context.workflowId(),
        context.runId(),
        config.id(),
        outbound.recordIds(),
        context.attempt(),
        outbound.method().name(),
        UrlRedaction.redact(outbound.url().toString()),
        SecretRedactor.redactedMap(outbound.headers(), credentials),
        LoggedText.of(outbound.body()),
        status,
        responseHeaders,
        responseBody,
        durationMs,
        outcome,
        error);
  }
}
