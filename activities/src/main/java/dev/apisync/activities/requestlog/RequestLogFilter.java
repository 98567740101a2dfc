package dev.apisync.activities.requestlog;

import java.time.Instant;
import java.util.Set;

/**
 * Which request-log rows to read, newest first.
 *
 * @param workflowId only this run's rows; empty for any
 * @param configId only this config's rows; 0 for any
 * @param outcomes only rows with one of these outcomes; empty for any
 * @param recordId only requests that carried this record; 0 for any
 * @param from only rows written at or after this instant; null for no lower bound
 * @param to only rows written before this instant; null for no upper bound
 * @param before only rows with a smaller id (keyset paging); 0 for the newest
 * @param limit rows per page, 1 to {@link #MAX_LIMIT}
 */
public record RequestLogFilter(
    String workflowId,
    long configId,
    Set<AttemptOutcome> outcomes,
    long recordId,
    Instant from,
    Instant to,
    long before,
    int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  public RequestLogFilter {
    outcomes = Set.copyOf(outcomes);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
    }
  }

  /** Every row, newest first, a default page at a time. */
  public static RequestLogFilter all() {
    return new RequestLogFilter("", 0, Set.of(), 0, null, null, 0, DEFAULT_LIMIT);
  }
}
