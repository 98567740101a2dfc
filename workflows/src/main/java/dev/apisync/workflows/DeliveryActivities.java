package dev.apisync.workflows;

import io.temporal.activity.ActivityInterface;

/** Sends mapped records to the config's target over HTTP. */
@ActivityInterface
public interface DeliveryActivities {

  /**
   * Sends one request. A 2xx marks its records sent; another answer fails them with the status and
   * a body excerpt. Network errors throw, so the activity's retry policy applies.
   */
  DeliveryResult deliver(DeliveryRequest request);

  /** The request {@link #deliver} would send, without sending it (dry runs). */
  RequestPreview preview(DeliveryRequest request);
}
