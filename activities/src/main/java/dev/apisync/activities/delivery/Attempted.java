package dev.apisync.activities.delivery;

import dev.apisync.activities.requestlog.RequestLogEntry;
import dev.apisync.workflows.DeliveryResult;
import dev.apisync.workflows.TargetOutage;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;

/**
 * What one attempt at a request came to, before it is logged or thrown: either a result (sent, or
 * its records failed without a request that a retry could change) or the typed failure {@link
 * dev.apisync.workflows.DeliveryActivities#deliver} throws; and the request-log row when a request
 * was made or refused. With an {@code outage} the target's circuit is open: the request was not
 * sent, or failed as the circuit opened, and is not charged an attempt.
 */
public record Attempted(
    Optional<DeliveryResult> result,
    Optional<ApplicationFailure> failure,
    Optional<RequestLogEntry> logEntry,
    Optional<TargetOutage> outage) {

  static Attempted of(DeliveryResult result, RequestLogEntry entry) {
    return new Attempted(
        Optional.of(result), Optional.empty(), Optional.ofNullable(entry), Optional.empty());
  }

  static Attempted failed(ApplicationFailure failure, RequestLogEntry entry) {
    return new Attempted(
        Optional.empty(), Optional.of(failure), Optional.ofNullable(entry), Optional.empty());
  }

  /** The request failed, and with it (or before it went) the target's circuit is open. */
  static Attempted unavailable(
      ApplicationFailure failure, RequestLogEntry entry, TargetOutage outage) {
    return new Attempted(
        Optional.empty(), Optional.of(failure), Optional.ofNullable(entry), Optional.of(outage));
  }
}
