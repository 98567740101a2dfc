package dev.apisync.activities.delivery;

import dev.apisync.activities.requestlog.RequestLogEntry;
import dev.apisync.workflows.DeliveryResult;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;

/**
 * What one attempt at a request came to, before it is logged or thrown: either a result (sent, or
 * its records failed without a request that a retry could change) or the typed failure {@link
 * dev.apisync.workflows.DeliveryActivities#deliver} throws; and the request-log row when a request
 * was made or refused.
 */
public record Attempted(
    Optional<DeliveryResult> result,
    Optional<ApplicationFailure> failure,
    Optional<RequestLogEntry> logEntry) {

  static Attempted of(DeliveryResult result, RequestLogEntry entry) {
    return new Attempted(Optional.of(result), Optional.empty(), Optional.ofNullable(entry));
  }

  static Attempted failed(ApplicationFailure failure, RequestLogEntry entry) {
    return new Attempted(Optional.empty(), Optional.of(failure), Optional.ofNullable(entry));
  }
}
