package dev.apisync.activities.delivery;

import dev.apisync.activities.config.TargetCredentials;
import dev.apisync.activities.requestlog.AttemptOutcome;
import dev.apisync.activities.requestlog.LoggedText;
import dev.apisync.activities.requestlog.RequestLogEntry;
import dev.apisync.workflows.ConfigSnapshot;
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
        SecretRedactor.redactedMap(response.headers(), credentials.auth()),
        response.body(),
        outcome,
        outcome == AttemptOutcome.SENT ? "" : response.failureReason());
  }

  RequestLogEntry noResponse(long durationMs, String error) {
    return entry(durationMs, 0, Map.of(), "", AttemptOutcome.ERROR, error);
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
        SecretRedactor.redactUrl(outbound.url()).toString(),
        SecretRedactor.redactedMap(outbound.headers(), credentials.auth()),
        LoggedText.of(outbound.body()),
        status,
        responseHeaders,
        responseBody,
        durationMs,
        outcome,
        error);
  }
}
