package dev.apisync.activities.delivery;

/**
 * What an HTTP status means for the records of a request (SPEC §7). Redirects are never followed
 * (see {@link TargetClients}), so a 3xx is an answer like any other.
 */
public enum StatusClass {
  /** 2xx: the records arrived. */
  SUCCESS,
  /**
   * The target may take the same request later: 408 Request Timeout, 425 Too Early, 429 Too Many
   * Requests, and 5xx but 501 and 505.
   */
  RETRYABLE,
  /**
   * Sending the same request again cannot help: 1xx and 3xx as final answers, 4xx but 408, 425 and
   * 429, 501 Not Implemented, 505 HTTP Version Not Supported.
   */
  PERMANENT;

  public static StatusClass of(int status) {
    if (status >= 200 && status < 300) {
      return SUCCESS;
    }
    return switch (status) {
      case 408, 425, 429 -> RETRYABLE;
      // The target does not support the method or protocol: the same request fails again.
      case 501, 505 -> PERMANENT;
      default -> status >= 500 && status < 600 ? RETRYABLE : PERMANENT;
    };
  }
}
