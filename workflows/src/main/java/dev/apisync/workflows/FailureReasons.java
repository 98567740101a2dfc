package dev.apisync.workflows;

import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;

/** How a failure reads in results, the runs table and the request log: in its own words. */
public final class FailureReasons {

  /** A run's failure reason stays readable, and far below Temporal's payload limit. */
  public static final int MAX_LENGTH = 2_000;

  private FailureReasons() {}

  /**
   * The innermost failure's message, e.g. "HTTP 400 Bad Request: email taken"; a failure type that
   * is not apisync's own (an exception's simple name) comes first: "SocketTimeoutException: ...".
   */
  public static String of(Throwable failure) {
    String reason = uncapped(failure);
    return reason.length() <= MAX_LENGTH ? reason : reason.substring(0, MAX_LENGTH - 1) + "…";
  }

  private static String uncapped(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ApplicationFailure application) {
      return FailureTypes.isOurs(application.getType())
          ? application.getOriginalMessage()
          : application.getType() + ": " + application.getOriginalMessage();
    }
    if (cause instanceof TemporalFailure temporal) {
      return temporal.getOriginalMessage();
    }
    return String.valueOf(cause.getMessage());
  }
}
