package dev.apisync.activities.requestlog;

import java.util.List;
import java.util.Map;

/**
 * One HTTP attempt as the request log keeps it. Secrets are already redacted and bodies already cut
 * with {@link LoggedText}.
 *
 * @param workflowId empty when the delivery ran outside a workflow
 * @param runId empty when the delivery ran outside a workflow
 * @param attempt Temporal's attempt number of the delivery activity, from 1
 * @param url as sent, with secret-looking query parameters masked
 * @param requestHeaders redacted; a repeated name's values joined with {@code ", "}
 * @param responseStatus 0 when no response came back
 * @param responseHeaders empty when no response came back
 * @param responseBody empty when no response came back
 * @param error why the attempt did not succeed (the failure's message), empty when it did
 */
public record RequestLogEntry(
    String workflowId,
    String runId,
    long configId,
    List<Long> recordIds,
    int attempt,
    String method,
    String url,
    Map<String, String> requestHeaders,
    String requestBody,
    int responseStatus,
    Map<String, String> responseHeaders,
    String responseBody,
    long durationMs,
    AttemptOutcome outcome,
    String error) {

  public RequestLogEntry {
    recordIds = List.copyOf(recordIds);
    requestHeaders = Map.copyOf(requestHeaders);
    responseHeaders = Map.copyOf(responseHeaders);
  }

  public boolean hasResponse() {
    return responseStatus != 0;
  }
}
