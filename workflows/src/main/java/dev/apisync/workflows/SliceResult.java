package dev.apisync.workflows;

import java.util.List;

/**
 * What a slice achieved. Pages count as done once their requests were answered, including those
 * whose requests are {@code unfinished}: the workflow finishes those before it moves on.
 *
 * @param failed records that failed, of which {@code failures} lists the first {@link
 *     #MAX_LISTED_FAILURES}
 * @param nextAfterId the cursor after the slice's last page
 * @param last true when no page follows
 * @param highWriteDate the highest {@code write_date} of an incremental slice's records, empty when
 *     none
 * @param previews a dry run's requests, as they would have been sent
 * @param unfinished requests whose first attempt did not succeed, left to the workflow's retries
 * @param outage the target's circuit was open when the slice stopped (its requests then went back
 *     unfinished, not charged an attempt); null when it was not
 */
public record SliceResult(
    int pages,
    int sent,
    int failed,
    List<RecordFailure> failures,
    int skipped,
    long nextAfterId,
    boolean last,
    String highWriteDate,
    List<RequestPreview> previews,
    List<UnfinishedRequest> unfinished,
    TargetOutage outage) {

  /**
   * Record data (JSON characters) a slice's unfinished requests may carry in its result, far below
   * Temporal's 2 MB payload limit; requests beyond it carry their record ids only.
   */
  public static final long MAX_CARRIED_BYTES = 512 * 1024;

  /** Failures listed per slice; the run's result caps its own list the same way. */
  public static final int MAX_LISTED_FAILURES = 1_000;

  public SliceResult {
    failures = List.copyOf(failures);
    previews = List.copyOf(previews);
    unfinished = List.copyOf(unfinished);
    highWriteDate = highWriteDate == null ? "" : highWriteDate;
  }

  /** A slice that has not sent anything yet, starting after {@code afterId}. */
  public static SliceResult startingAfter(long afterId) {
    return new SliceResult(0, 0, 0, List.of(), 0, afterId, false, "", List.of(), List.of(), null);
  }
}
