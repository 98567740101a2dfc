package dev.apisync.workflows;

import java.util.List;

/**
 * What one request achieved.
 *
 * @param status the response status, 0 when none
 */
public record DeliveryResult(List<Long> sent, List<RecordFailure> failures, int status) {

  public DeliveryResult {
    sent = List.copyOf(sent);
    failures = List.copyOf(failures);
  }
}
