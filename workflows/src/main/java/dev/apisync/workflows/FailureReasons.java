package dev.apisync.workflows;

import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;

/** How a failure reads in results, the runs table and the request log: in its own words. */
public final class FailureReasons {

  private FailureReasons() {}

  /**
   * The innermost failure's message, e.g. "HTTP 400 Bad Request: email taken"; a failure type that
   * is not apisync's own (an exception's simple name) comes first: "SocketTimeoutException: ...".
   */
  public static String of(Throwable failure) {
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
