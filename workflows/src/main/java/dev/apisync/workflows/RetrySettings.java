package dev.apisync.workflows;

/**
 * A config's retry block, as the HTTP activity's retry policy uses it. Intervals in milliseconds.
 */
public record RetrySettings(
    int maxAttempts,
    long initialIntervalMillis,
    double backoffCoefficient,
    long maxIntervalMillis) {

  public static final RetrySettings DEFAULTS = new RetrySettings(5, 1_000, 2.0, 60_000);
}
