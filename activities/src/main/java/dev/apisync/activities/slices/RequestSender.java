package dev.apisync.activities.slices;

import dev.apisync.activities.config.TargetCredentials;
import dev.apisync.activities.delivery.Attempted;
import dev.apisync.activities.delivery.DeliveryActivitiesImpl;
import dev.apisync.activities.script.ScriptActivitiesImpl;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.DeliveryRequest;
import dev.apisync.workflows.DeliveryResult;
import dev.apisync.workflows.FailureDetails;
import dev.apisync.workflows.FailureReasons;
import dev.apisync.workflows.FailureTypes;
import dev.apisync.workflows.MappedRecord;
import dev.apisync.workflows.RecordFailure;
import dev.apisync.workflows.UnfinishedRequest;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A slice's one attempt at each of its requests, on a sender thread: runs the request script, sends
 * (or, in a dry run, previews), and sorts the answer. A request that succeeds, or fails in a way no
 * retry changes, is done here; one that could succeed on another attempt is handed to the workflow
 * as an {@link UnfinishedRequest}, carrying its body, so its retries follow the config's policy as
 * separate activities.
 */
final class RequestSender {

  /**
   * The longest a sender waits for a rate-limit slot; a request whose slot is further away is
   * handed to the workflow, which waits on a durable timer instead.
   */
  static final Duration MAX_SLOT_WAIT = Duration.ofSeconds(30);

  private final ConfigSnapshot config;
  private final TargetCredentials credentials;
  private final DeliveryActivitiesImpl delivery;
  private final ScriptActivitiesImpl scripts;
  private final boolean dryRun;
  private final AtomicInteger previewsLeft;
  private final String workflowId;
  private final String runId;
  private volatile boolean targetUnavailable;

  RequestSender(
      ConfigSnapshot config,
      TargetCredentials credentials,
      DeliveryActivitiesImpl delivery,
      ScriptActivitiesImpl scripts,
      boolean dryRun,
      int previews,
      String workflowId,
      String runId) {
    this.config = config;
    this.credentials = credentials;
    this.delivery = delivery;
    this.scripts = scripts;
    this.dryRun = dryRun;
    this.previewsLeft = new AtomicInteger(previews);
    this.workflowId = workflowId;
    this.runId = runId;
  }

  SentRequest send(List<MappedRecord> records) {
    DeliveryRequest mapped = new DeliveryRequest(config, records, config.paginated());
    DeliveryRequest request;
    try {
      request = mapped.scriptedBy(scripts);
    } catch (ApplicationFailure scriptFailed) {
      return SentRequest.failedAll(mapped.recordIds(), FailureReasons.of(scriptFailed), 0, 0);
    }
    if (dryRun) {
      return preview(request);
    }
    Attempted attempted =
        delivery.attemptOnce(request, credentials, workflowId, runId, MAX_SLOT_WAIT);
    if (attempted.result().isPresent()) {
      DeliveryResult result = attempted.result().get();
      return result.failures().isEmpty()
          ? SentRequest.sent(result.sent(), attempted.logEntry())
          : SentRequest.failed(result.failures(), attempted.logEntry());
    }
    if (attempted.outage().isPresent()) {
      // The target's circuit is open: the workflow waits for it; the records are not charged.
      targetUnavailable = true;
      return SentRequest.waiting(
          UnfinishedRequest.carrying(
              records, config.paginated(), request.scriptedBody(), 0, false, 0),
          attempted.logEntry(),
          attempted.outage().get());
    }
    ApplicationFailure failure = attempted.failure().orElseThrow();
    // A rate limit that kept the request back sent nothing and logged nothing.
    int attempts = attempted.logEntry().isPresent() ? 1 : 0;
    if (FailureTypes.PERMANENT_HTTP.equals(failure.getType())) {
      if (records.size() == 1) {
        return SentRequest.failed(
            RecordFailure.all(
                List.of(records.getFirst().recordId()),
                FailureReasons.of(failure),
                status(failure),
                attempts),
            attempted.logEntry());
      }
      // The workflow splits it to find the records the target refuses.
      return SentRequest.unfinished(
          UnfinishedRequest.carrying(records, config.paginated(), "", attempts, true, 0),
          attempted.logEntry());
    }
    if (attempts >= config.retry().maxAttempts()) {
      return SentRequest.failed(
          RecordFailure.all(
              records.stream().map(MappedRecord::recordId).toList(),
              FailureReasons.of(failure),
              0,
              attempts),
          attempted.logEntry());
    }
    return SentRequest.unfinished(
        UnfinishedRequest.carrying(
            records,
            config.paginated(),
            request.scriptedBody(),
            attempts,
            false,
            retryDelayMillis(failure)),
        attempted.logEntry());
  }

  /** Whether a request found the target's circuit open: the slice then takes no further page. */
  boolean targetUnavailable() {
    return targetUnavailable;
  }

  /** The first requests of a dry run are shown; the rest only counted as sent. */
  private SentRequest preview(DeliveryRequest request) {
    if (previewsLeft.getAndDecrement() <= 0) {
      return SentRequest.sent(request.recordIds(), Optional.empty());
    }
    try {
      return SentRequest.previewed(delivery.preview(request));
    } catch (ApplicationFailure failure) {
      return SentRequest.failedAll(request.recordIds(), FailureReasons.of(failure), 0, 0);
    }
  }

  /** The target's {@code Retry-After} or the rate limit's wait; else the policy's first backoff. */
  private long retryDelayMillis(ApplicationFailure failure) {
    Duration next = failure.getNextRetryDelay();
    return next != null && next.isPositive()
        ? next.toMillis()
        : config.retry().initialIntervalMillis();
  }

  private static int status(ApplicationFailure failure) {
    return FailureDetails.of(failure).status();
  }
}
