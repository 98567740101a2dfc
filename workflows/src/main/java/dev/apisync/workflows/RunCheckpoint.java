package dev.apisync.workflows;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * Where a run stands between pages: the keyset cursor and the counters. Continue-as-new carries it
 * into the next execution so the run resumes exactly after the last completed page.
 *
 * @param afterId keyset cursor: the next page holds ids greater than this
 * @param startedAtMillis the run's recorded start (workflow time), fixed for all its executions
 * @param failuresOmitted failures counted but not listed, once the list reached its cap
 * @param writtenAfter an incremental run's lower bound (the watermark when it started), fixed for
 *     all its executions; empty for none
 * @param highWriteDate the highest {@code write_date} an incremental run has seen so far, where a
 *     completed run moves the watermark; empty before any
 */
public record RunCheckpoint(
    long afterId,
    long startedAtMillis,
    int pages,
    int sent,
    int failed,
    int skipped,
    List<RecordFailure> failures,
    int failuresOmitted,
    String writtenAfter,
    String highWriteDate) {

  public RunCheckpoint {
    failures = List.copyOf(failures);
    // Absent in checkpoints recorded before incremental sync existed.
    writtenAfter = writtenAfter == null ? "" : writtenAfter;
    highWriteDate = highWriteDate == null ? "" : highWriteDate;
  }

  /** A run that has not started: its start time is recorded by the first execution. */
  public static final RunCheckpoint FRESH =
      new RunCheckpoint(0, 0, 0, 0, 0, 0, List.of(), 0, "", "");

  /**
   * A new run that starts after {@code afterId}, where an earlier run of the same input stopped:
   * fresh (it records itself and counts from zero), its cursor set.
   */
  public static RunCheckpoint resumingAfter(long afterId) {
    return new RunCheckpoint(afterId, 0, 0, 0, 0, 0, List.of(), 0, "", "");
  }

  public RunCheckpoint startingAt(long millis) {
    return new RunCheckpoint(
        afterId,
        millis,
        pages,
        sent,
        failed,
        skipped,
        failures,
        failuresOmitted,
        writtenAfter,
        highWriteDate);
  }

  @JsonIgnore
  public boolean isFresh() {
    return startedAtMillis == 0;
  }
}
