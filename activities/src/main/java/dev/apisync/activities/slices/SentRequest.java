package dev.apisync.activities.slices;

import dev.apisync.activities.requestlog.RequestLogEntry;
import dev.apisync.workflows.RecordFailure;
import dev.apisync.workflows.RequestPreview;
import dev.apisync.workflows.TargetOutage;
import dev.apisync.workflows.UnfinishedRequest;
import java.util.List;
import java.util.Optional;

/**
 * What one of a slice's requests came to: records sent or failed, a dry run's preview, or a request
 * left to the workflow's retries (with the target's open circuit, when that is why); and its
 * request-log row, when a request was made.
 */
record SentRequest(
    List<Long> sent,
    List<RecordFailure> failures,
    Optional<RequestPreview> preview,
    Optional<UnfinishedRequest> unfinished,
    Optional<RequestLogEntry> logEntry,
    Optional<TargetOutage> outage) {

  private SentRequest(
      List<Long> sent,
      List<RecordFailure> failures,
      Optional<RequestPreview> preview,
      Optional<UnfinishedRequest> unfinished,
      Optional<RequestLogEntry> logEntry) {
    this(sent, failures, preview, unfinished, logEntry, Optional.empty());
  }

  static SentRequest sent(List<Long> ids, Optional<RequestLogEntry> logEntry) {
    return new SentRequest(ids, List.of(), Optional.empty(), Optional.empty(), logEntry);
  }

  static SentRequest failed(List<RecordFailure> failures, Optional<RequestLogEntry> logEntry) {
    return new SentRequest(List.of(), failures, Optional.empty(), Optional.empty(), logEntry);
  }

  static SentRequest failedAll(List<Long> ids, String reason, int status, int attempts) {
    return failed(RecordFailure.all(ids, reason, status, attempts), Optional.empty());
  }

  static SentRequest previewed(RequestPreview preview) {
    return new SentRequest(
        preview.recordIds(), List.of(), Optional.of(preview), Optional.empty(), Optional.empty());
  }

  static SentRequest unfinished(UnfinishedRequest request, Optional<RequestLogEntry> logEntry) {
    return new SentRequest(List.of(), List.of(), Optional.empty(), Optional.of(request), logEntry);
  }

  /** Left to the workflow, uncharged, while the target's circuit is open. */
  static SentRequest waiting(
      UnfinishedRequest request, Optional<RequestLogEntry> logEntry, TargetOutage outage) {
    return new SentRequest(
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.of(request),
        logEntry,
        Optional.of(outage));
  }
}
