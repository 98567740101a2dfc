package dev.apisync.activities.slices;

import dev.apisync.workflows.RecordFailure;
import dev.apisync.workflows.RecordPage;
import dev.apisync.workflows.RequestPreview;
import dev.apisync.workflows.SliceResult;
import dev.apisync.workflows.SyncProgress;
import dev.apisync.workflows.TargetOutage;
import dev.apisync.workflows.UnfinishedRequest;
import dev.apisync.workflows.WriteDates;
import java.util.ArrayList;
import java.util.List;

/** A slice's counters as its pages commit, in page order. Owned by the slice's coordinator. */
final class SliceState {

  private int pages;
  private int sent;
  private int failed;
  private final List<RecordFailure> failures;
  private int skipped;
  private long afterId;
  private long settledAfterId;
  private boolean last;
  private String highWriteDate;
  private final List<RequestPreview> previews;
  private final List<UnfinishedRequest> unfinished;
  private TargetOutage outage;

  SliceState(SliceResult from) {
    pages = from.pages();
    sent = from.sent();
    failed = from.failed();
    failures = new ArrayList<>(from.failures());
    skipped = from.skipped();
    afterId = from.nextAfterId();
    settledAfterId = from.unfinished().isEmpty() ? afterId : -1;
    last = from.last();
    highWriteDate = from.highWriteDate();
    previews = new ArrayList<>(from.previews());
    unfinished = new ArrayList<>(from.unfinished());
    outage = from.outage();
  }

  /** Adds a page whose requests were all answered (or were not sent because of a cancel). */
  void pageDone(RecordPage page, List<RecordFailure> pageFailures, List<SentRequest> requests) {
    pages++;
    skipped += page.skipped().size();
    afterId = page.nextAfterId();
    last = page.last();
    highWriteDate = WriteDates.later(highWriteDate, page.highWriteDate());
    for (RecordFailure failure : pageFailures) {
      failed++;
      if (failures.size() < SliceResult.MAX_LISTED_FAILURES) {
        failures.add(failure);
      }
    }
    for (SentRequest request : requests) {
      sent += request.sent().size();
      request.preview().ifPresent(previews::add);
      request.unfinished().ifPresent(this::addUnfinished);
      request.outage().ifPresent(open -> outage = open);
    }
    if (unfinished.isEmpty()) {
      settledAfterId = afterId;
    }
  }

  /** Carries the request's records while the slice's result has room for them. */
  private void addUnfinished(UnfinishedRequest request) {
    long carried = unfinished.stream().mapToLong(UnfinishedRequest::carriedSize).sum();
    unfinished.add(
        carried + request.carriedSize() <= SliceResult.MAX_CARRIED_BYTES
            ? request
            : request.withoutRecords());
  }

  long afterId() {
    return afterId;
  }

  boolean last() {
    return last;
  }

  /** Whether a request of the slice needs the workflow's retries before the run moves on. */
  boolean hasUnfinished() {
    return !unfinished.isEmpty();
  }

  /** Records the slice has taken: sent, failed or waiting to be retried. */
  int taken() {
    return sent
        + failed
        + unfinished.stream().mapToInt(request -> request.recordIds().size()).sum();
  }

  /**
   * The run's counters with this slice's so far. Its cursor stops before the first page with an
   * unfinished request: a run that dies before the workflow finished that request, retried from its
   * recorded cursor, sends it again rather than skipping it.
   */
  SyncProgress progress(SyncProgress before) {
    return new SyncProgress(
        before.pages() + pages,
        before.sent() + sent,
        before.failed() + failed,
        before.skipped() + skipped,
        settledAfterId >= 0 ? settledAfterId : before.lastRecordId());
  }

  SliceResult result() {
    return new SliceResult(
        pages,
        sent,
        failed,
        failures,
        skipped,
        afterId,
        last,
        highWriteDate,
        previews,
        unfinished,
        outage);
  }
}
