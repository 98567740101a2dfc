package dev.apisync.workflows;

import io.temporal.common.converter.DataConverterException;
import io.temporal.common.converter.Values;
import io.temporal.failure.ApplicationFailure;

/**
 * The one detail of a {@link FailureTypes#TARGET_UNAVAILABLE} failure: named fields instead of
 * positional details read by index.
 *
 * @param outage the target's open circuit
 * @param priorAttempts the attempts the request had made before this one, which is not charged
 */
public record OutageDetails(TargetOutage outage, int priorAttempts) {

  /**
   * The details of {@code failure}. Failures raised before this type existed (in histories that
   * replay) carried the outage and then the prior attempts as positional details; they read the
   * same.
   */
  public static OutageDetails of(ApplicationFailure failure) {
    Values details = failure.getDetails();
    try {
      OutageDetails typed = details.get(0, OutageDetails.class);
      if (typed != null && typed.outage() != null) {
        return typed;
      }
    } catch (DataConverterException positional) {
      // read below
    }
    return new OutageDetails(
        details.get(0, TargetOutage.class),
        details.getSize() > 1 ? details.get(1, Integer.class) : 0);
  }
}
