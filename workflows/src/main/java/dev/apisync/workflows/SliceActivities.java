package dev.apisync.workflows;

import io.temporal.activity.ActivityInterface;

/**
 * Sends a stretch of a run's pages in one activity: fetch, map, request script, send and record,
 * page after page, with up to the config's {@code concurrency} requests in flight and the next page
 * read while earlier ones are out. Only counts, failures and the cursor come back through history;
 * the records themselves do not.
 */
@ActivityInterface
public interface SliceActivities {

  /**
   * Sends pages from {@code request.firstPage()} until its time budget is spent, the records run
   * out, the record budget is reached, a request needs more than one attempt, or the run is gone
   * (terminated; requests in flight then finish).
   *
   * <p>Each page is committed in apisync's database as it completes, in one transaction: its
   * request-log rows, its failed records, the run's counters and the slice's cursor. A retried
   * attempt (a killed worker) resumes after the last committed page, so it re-sends at most the
   * pages that were in flight, under the same {@code Idempotency-Key}.
   *
   * @throws io.temporal.failure.ApplicationFailure non-retryable {@link
   *     FailureTypes#INVALID_CONFIG} when the source refuses the domain or the lines
   */
  SliceResult sendSlice(SliceRequest request);
}
