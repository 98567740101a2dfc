package dev.apisync.workflows;

/**
 * The {@code ApplicationFailure} types apisync raises. All but {@link #RETRYABLE_HTTP} and {@link
 * #RATE_LIMITED} are permanent and listed in {@link #nonRetryable()}.
 */
public final class FailureTypes {

  /** The config id names no config. */
  public static final String CONFIG_NOT_FOUND = "ConfigNotFound";

  /** The config cannot run as written (bad domain, unknown field, disabled, ...). */
  public static final String INVALID_CONFIG = "InvalidConfig";

  /**
   * The target refused the request for good: a 3xx (redirects are not followed), or a 4xx other
   * than 408/425/429. Its detail is a {@link FailureDetails} (status and attempt): {@link
   * FailureDetails#of}.
   */
  public static final String PERMANENT_HTTP = "PermanentHttpFailure";

  /**
   * The target answered with a status worth retrying (408, 425, 429, 5xx). Retryable: the
   * activity's retry policy applies, with the target's {@code Retry-After} as the next delay when
   * it sent one. Its detail is a {@link FailureDetails}, like {@link #PERMANENT_HTTP}'s.
   */
  public static final String RETRYABLE_HTTP = "RetryableHttpFailure";

  /**
   * The target's shared rate limit ({@code rateLimit}) has no slot within this attempt's time:
   * retryable, with the wait for a free slot as the next retry delay. No request was sent.
   */
  public static final String RATE_LIMITED = "RateLimited";

  /**
   * The target's circuit is open ({@link TargetOutage}): nothing was sent, and the request's
   * records are not charged an attempt. Not retried by Temporal: the run waits for the target as a
   * whole. Its detail is an {@link OutageDetails}: the outage and the attempts made before.
   */
  public static final String TARGET_UNAVAILABLE = "TargetUnavailable";

  /** A Python script raised, or ran past its time limit: its records fail, not retried. */
  public static final String SCRIPT_ERROR = "ScriptError";

  /** The run failed more of its records than the config's maxFailureRatio allows. */
  public static final String FAILURE_RATIO_EXCEEDED = "FailureRatioExceeded";

  private FailureTypes() {}

  /** Whether a failure type is one of apisync's own (its message then speaks for itself). */
  public static boolean isOurs(String type) {
    return type.equals(RETRYABLE_HTTP)
        || type.equals(RATE_LIMITED)
        || java.util.Arrays.asList(nonRetryable()).contains(type);
  }

  /** The permanent ones, for a retry policy's do-not-retry list. */
  public static String[] nonRetryable() {
    return new String[] {
      CONFIG_NOT_FOUND,
      INVALID_CONFIG,
      PERMANENT_HTTP,
      SCRIPT_ERROR,
      FAILURE_RATIO_EXCEEDED,
      TARGET_UNAVAILABLE
    };
  }
}
