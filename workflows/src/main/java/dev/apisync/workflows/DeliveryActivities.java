package dev.apisync.workflows;

import io.temporal.activity.ActivityInterface;

/** Sends mapped records to the config's target over HTTP. */
@ActivityInterface
public interface DeliveryActivities {

  /**
   * Sends one request and logs the attempt in the request log. Outcomes (SPEC §7):
   *
   * <ul>
   *   <li>2xx: a result with every record sent and the status.
   *   <li>Records that cannot be sent as configured (a URL placeholder without a value, ...): a
   *       result with those records failed and status 0; no request goes out.
   *   <li>408, 425, 429 and 5xx: throws a retryable {@code ApplicationFailure} of type {@link
   *       FailureTypes#RETRYABLE_HTTP}, message {@code HTTP 503 Service Unavailable: <body
   *       excerpt>}, the status as first detail; a {@code Retry-After} in the response becomes the
   *       next retry delay, capped at the config's {@code maxInterval}.
   *   <li>No response (connect or read timeout, reset, refused): throws a retryable {@code
   *       ApplicationFailure} typed with the exception's simple name ({@code
   *       SocketTimeoutException}, ...).
   *   <li>3xx (redirects are not followed) and other 4xx: throws a non-retryable {@code
   *       ApplicationFailure} of type {@link FailureTypes#PERMANENT_HTTP}, message {@code HTTP 400
   *       Bad Request: <first 300 characters of the body>}, the status and attempt as its {@link
   *       FailureDetails} ({@code FailureDetails.of(failure).status()}), so the workflow can split
   *       a page to isolate the bad record.
   *   <li>With a {@code rateLimit}, it first waits for the target's next free slot; when that is
   *       further away than the attempt's time allows, it throws a retryable {@link
   *       FailureTypes#RATE_LIMITED} failure whose next retry delay is the wait, sending nothing.
   * </ul>
   */
  DeliveryResult deliver(DeliveryRequest request);

  /** The request {@link #deliver} would send, without sending or logging it (dry runs). */
  RequestPreview preview(DeliveryRequest request);
}
