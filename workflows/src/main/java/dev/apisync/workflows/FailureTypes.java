package dev.apisync.workflows;

/** The {@code ApplicationFailure} types apisync raises; none of them is worth retrying. */
public final class FailureTypes {

  /** The config id names no config. */
  public static final String CONFIG_NOT_FOUND = "ConfigNotFound";

  /** The config cannot run as written (bad domain, unknown field, disabled, ...). */
  public static final String INVALID_CONFIG = "InvalidConfig";

  /** The target refused the request for good (a 4xx other than 408/425/429). */
  public static final String PERMANENT_HTTP = "PermanentHttpFailure";

  /** A Python script raised, or ran past its time limit: its records fail, not retried. */
  public static final String SCRIPT_ERROR = "ScriptError";

  /** The run failed more of its records than the config's maxFailureRatio allows. */
  public static final String FAILURE_RATIO_EXCEEDED = "FailureRatioExceeded";

  private FailureTypes() {}

  /** Whether a failure type is one of apisync's own (its message then speaks for itself). */
  public static boolean isOurs(String type) {
    return java.util.Arrays.asList(nonRetryable()).contains(type);
  }

  /** All of them, for a retry policy's do-not-retry list. */
  public static String[] nonRetryable() {
    return new String[] {
      CONFIG_NOT_FOUND, INVALID_CONFIG, PERMANENT_HTTP, SCRIPT_ERROR, FAILURE_RATIO_EXCEEDED
    };
  }
}
