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
   * Requests and every 5xx (SPEC §7: even 501 may come from a gateway in front of a target that is
   * being redeployed, and a retry costs little).
   */
  RETRYABLE,
  /** Sending the same request again cannot help: 1xx and 3xx as final answers, the other 4xx. */
  PERMANENT;

  public static StatusClass of(int status) {
    if (status >= 200 && status < 300) {
      return SUCCESS;
    }
    if (status == 408 || status == 425 || status == 429 || (status >= 500 && status < 600)) {
      return RETRYABLE;
    }
    return PERMANENT;
  }
}
