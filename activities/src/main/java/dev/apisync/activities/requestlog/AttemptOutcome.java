package dev.apisync.activities.requestlog;

/** How one HTTP attempt ended, as the request log records it (SPEC §7). */
public enum AttemptOutcome {
  /** A 2xx: the records arrived. */
  SENT,
  /**
   * A status worth retrying (408, 425, 429, 5xx): Temporal's retry policy tries again. The last
   * attempt of a run that ran out of retries says RETRYING too; the run's result says they failed.
   */
  RETRYING,
  /** Refused for good (3xx, other 4xx), or by the egress policy before connecting: not retried. */
  FAILED,
  /** No response: connect or read timeout, refused or reset connection. Retried. */
  ERROR
}
