package dev.apisync.workflows;

import io.temporal.common.converter.DataConverterException;
import io.temporal.common.converter.Values;
import io.temporal.failure.ApplicationFailure;

/**
 * The one detail of an HTTP failure ({@link FailureTypes#PERMANENT_HTTP}, {@link
 * FailureTypes#RETRYABLE_HTTP}): named fields instead of positional details read by index.
 *
 * @param status the HTTP status the target answered with
 * @param attempt the attempt that met the answer, counting from 1; 0 when not told
 */
public record FailureDetails(int status, int attempt) {

  /** A failure without details: no status, attempt unknown. */
  public static final FailureDetails NONE = new FailureDetails(0, 0);

  /**
   * The details of {@code failure}. Failures raised before this type existed (in histories that
   * replay) carried the status and then the attempt as positional details; they read the same.
   */
  public static FailureDetails of(ApplicationFailure failure) {
    Values details = failure.getDetails();
    if (details.getSize() == 0) {
      return NONE;
    }
    try {
      return details.get(0, FailureDetails.class);
    } catch (DataConverterException positional) {
      return new FailureDetails(
          details.get(0, Integer.class), details.getSize() > 1 ? details.get(1, Integer.class) : 0);
    }
  }
}
