package dev.apisync.workflows;

import java.util.ArrayList;
import java.util.List;

/**
 * The counters of a run as its pages complete. Mutable, owned by one workflow execution; {@link
 * #checkpoint()} freezes it for continue-as-new and {@link #result} for the end.
 */
final class RunTally {

  /** Failures listed in a result; more are only counted, keeping results far below 2 MB. */
  static final int MAX_LISTED_FAILURES = 1_000;

  private final long startedAtMillis;
  private long afterId;
  private int pages;
  private int sent;
  private int failed;
  private int skipped;
  private final List<RecordFailure> failures;
  private int failuresOmitted;
  private String writtenAfter;
  private String highWriteDate;
  private String waiting = "";

  RunTally(RunCheckpoint from) {
    this.startedAtMillis = from.startedAtMillis();
    this.afterId = from.afterId();
    this.pages = from.pages();
    this.sent = from.sent();
    this.failed = from.failed();
    this.skipped = from.skipped();
    this.failures = new ArrayList<>(from.failures());
    this.failuresOmitted = from.failuresOmitted();
    this.writtenAfter = from.writtenAfter();
    this.highWriteDate = from.highWriteDate();
  }

  /** Makes the run incremental from {@code watermark} (empty: from the beginning). */
  void sendWrittenAfter(String watermark) {
    writtenAfter = watermark;
  }

  /** An incremental run's lower bound: the watermark when it started. */
  String writtenAfter() {
    return writtenAfter;
  }

  /** The highest write date seen so far; empty before any. */
  String highWriteDate() {
    return highWriteDate;
  }

  long startedAtMillis() {
    return startedAtMillis;
  }

  long afterId() {
    return afterId;
  }

  /** Records sent or failed so far: what a config's {@code limit} caps. */
  int attempted() {
    return sent + failed;
  }

  void sent(int count) {
    sent += count;
  }

  void skipped(int count) {
    skipped += count;
  }

  void failed(List<RecordFailure> newFailures) {
    failed += newFailures.size();
    for (RecordFailure failure : newFailures) {
      if (failures.size() < MAX_LISTED_FAILURES) {
        failures.add(failure);
      } else {
        failuresOmitted++;
      }
    }
  }

  /** Failures counted as {@code count}, of which {@code listed} are named (a capped list). */
  private void failed(int count, List<RecordFailure> listed) {
    failed(listed);
    failed += count - listed.size();
    failuresOmitted += count - listed.size();
  }

  /** A slice's pages are done; its unfinished requests are added as they finish. */
  void sliceDone(SliceResult slice) {
    sent(slice.sent());
    failed(slice.failed(), slice.failures());
    skipped(slice.skipped());
    pages += slice.pages();
    afterId = slice.nextAfterId();
    highWriteDate = WriteDates.later(highWriteDate, slice.highWriteDate());
  }

  /** Moves the cursor back before {@code recordId}, if it is past it. */
  void rewindBefore(long recordId) {
    afterId = Math.min(afterId, recordId - 1);
  }

  void add(RequestOutcome outcome) {
    sent(outcome.sent().size());
    failed(outcome.failures());
  }

  /** The failed share of the records sent or failed so far; 0 before any. */
  double failureRatio() {
    return attempted() == 0 ? 0 : (double) failed / attempted();
  }

  /** What the run waits for (an unavailable target), shown with its counters; empty for none. */
  void waitingFor(String what) {
    waiting = what;
  }

  /** One line for the Web UI's "current details". */
  String describe() {
    return "page "
        + pages
        + ": "
        + sent
        + " sent, "
        + failed
        + " failed, "
        + skipped
        + " skipped"
        + (waiting.isEmpty() ? "" : "; " + waiting);
  }

  SyncProgress progress() {
    return new SyncProgress(pages, sent, failed, skipped, afterId, waiting);
  }

  RunCheckpoint checkpoint() {
    return new RunCheckpoint(
        afterId,
        startedAtMillis,
        pages,
        sent,
        failed,
        skipped,
        failures,
        failuresOmitted,
        writtenAfter,
        highWriteDate);
  }

  SyncRunResult result(boolean dryRun, List<RequestPreview> previews) {
    return new SyncRunResult(
        pages, sent, failed, skipped, failures, failuresOmitted, dryRun, previews);
  }
}
