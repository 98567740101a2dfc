package dev.apisync.workflows;

import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowSemaphore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Finishes the requests a slice could not (workflow code, deterministic): each becomes its own
 * delivery activity under the config's retry policy, counting the slice's attempt, up to {@code
 * concurrency} in flight. A request the target refuses for good is split in halves until the
 * refused records are isolated, so one bad record never sinks its page. Outcomes come back in
 * request order. Once the target's circuit is open ({@link FailureTypes#TARGET_UNAVAILABLE}), no
 * further request starts: those not finished wait, uncharged, for the run to probe the target.
 */
final class PageSender {

  /** Extra time an HTTP attempt gets beyond its connect and read timeouts (writing the body). */
  private static final Duration DELIVERY_MARGIN = Duration.ofSeconds(10);

  private final ConfigSnapshot config;
  private final MappingActivities mapping;
  private final ScriptActivities scripts;
  private final String eventBatch;
  private final BooleanSupplier cancelRequested;

  /** Requests of the current {@link #finish} left waiting: canceled, or the target unavailable. */
  private final List<UnfinishedRequest> waiting = new ArrayList<>();

  private TargetOutage outage;

  /**
   * What {@link #finish} came to.
   *
   * @param outcomes the outcomes of the requests that were finished, in request order
   * @param waiting requests not finished (a cancel, or the target's circuit open), as they stand
   * @param outage the target's open circuit, when that stopped the requests; else null
   */
  record Finished(
      List<RequestOutcome> outcomes, List<UnfinishedRequest> waiting, TargetOutage outage) {}

  /**
   * @param eventBatch the run's record-event batch (its deleted records are mapped from their last
   *     values), empty for none
   * @param cancelRequested once true, no further request starts; those in flight finish
   */
  PageSender(
      ConfigSnapshot config,
      MappingActivities mapping,
      ScriptActivities scripts,
      String eventBatch,
      BooleanSupplier cancelRequested) {
    this.config = config;
    this.mapping = mapping;
    this.scripts = scripts;
    this.eventBatch = eventBatch;
    this.cancelRequested = cancelRequested;
  }

  /** Finishes the requests, up to {@code concurrency} at once, until a cancel or an outage. */
  Finished finish(List<UnfinishedRequest> unfinished) {
    waiting.clear();
    outage = null;
    RequestOutcome[] outcomes = new RequestOutcome[unfinished.size()];
    WorkflowSemaphore inFlight = Workflow.newWorkflowSemaphore(Math.max(1, config.concurrency()));
    List<Promise<Void>> running = new ArrayList<>();
    for (int i = 0; i < unfinished.size(); i++) {
      int slot = i;
      inFlight.acquire();
      if (cancelRequested.getAsBoolean() || outage != null) {
        inFlight.release();
        waiting.addAll(unfinished.subList(i, unfinished.size()));
        break;
      }
      running.add(
          Async.procedure(
              () -> {
                try {
                  outcomes[slot] = finishOne(unfinished.get(slot));
                } finally {
                  inFlight.release();
                }
              }));
    }
    Promise.allOf(running).get();
    return new Finished(
        Arrays.stream(outcomes).filter(Objects::nonNull).toList(), List.copyOf(waiting), outage);
  }

  private RequestOutcome finishOne(UnfinishedRequest unfinished) {
    if (!unfinished.carriesRecords()) {
      return finishRemapped(unfinished);
    }
    DeliveryRequest request = DeliveryRequest.retrying(config, unfinished);
    if (unfinished.refused()) {
      return split(request);
    }
    if (unfinished.retryDelayMillis() > 0) {
      Workflow.sleep(Duration.ofMillis(unfinished.retryDelayMillis()));
    }
    return deliverIsolatingRefusals(request, request);
  }

  /**
   * A request whose records did not fit in its slice's result: mapped again (records the source no
   * longer has fail), scripted again, and sent on from the attempt the slice made.
   */
  private RequestOutcome finishRemapped(UnfinishedRequest unfinished) {
    MappedPage mapped =
        eventBatch.isEmpty()
            ? mapping.mapRecords(config, unfinished.recordIds())
            : mapping.mapEventRecords(config, unfinished.recordIds(), eventBatch);
    RequestOutcome unmapped = new RequestOutcome(List.of(), mapped.failures());
    if (mapped.records().isEmpty()) {
      return unmapped;
    }
    DeliveryRequest whole =
        new DeliveryRequest(config, mapped.records(), unfinished.asArray(), "", 0);
    if (unfinished.refused()) {
      return unmapped.plus(split(whole));
    }
    if (unfinished.retryDelayMillis() > 0) {
      Workflow.sleep(Duration.ofMillis(unfinished.retryDelayMillis()));
    }
    DeliveryRequest request;
    try {
      request = whole.scriptedBy(scripts);
    } catch (ActivityFailure failure) {
      return unmapped.plus(
          RequestOutcome.failedAll(whole.recordIds(), FailureReasons.of(failure), 0, 0));
    }
    DeliveryRequest retried =
        new DeliveryRequest(
            config,
            request.records(),
            request.asArray(),
            request.scriptedBody(),
            unfinished.attempts());
    return unmapped.plus(deliverIsolatingRefusals(whole, retried));
  }

  /** A fresh request for the same records: runs the request script, then sends. */
  private RequestOutcome sendIsolatingRefusals(DeliveryRequest mappedRequest) {
    DeliveryRequest request;
    try {
      request = mappedRequest.scriptedBy(scripts);
    } catch (ActivityFailure failure) {
      return RequestOutcome.failedAll(mappedRequest.recordIds(), FailureReasons.of(failure), 0, 0);
    }
    return deliverIsolatingRefusals(mappedRequest, request);
  }

  private RequestOutcome deliverIsolatingRefusals(
      DeliveryRequest mappedRequest, DeliveryRequest request) {
    if (request.priorAttempts() >= config.retry().maxAttempts()) {
      // Nothing left to retry: the slice only hands such a request over when a rate limit kept it
      // from being sent, which counts no attempt; this guards the policy's arithmetic.
      return RequestOutcome.failedAll(
          request.recordIds(), "retries spent", 0, request.priorAttempts());
    }
    try {
      DeliveryResult result = delivery(request.priorAttempts()).deliver(request);
      return new RequestOutcome(result.sent(), result.failures());
    } catch (ActivityFailure failure) {
      Optional<ApplicationFailure> unavailable = ofType(failure, FailureTypes.TARGET_UNAVAILABLE);
      if (unavailable.isPresent()) {
        // Sent nothing: the request waits, with the attempts it had, for the target to return.
        OutageDetails details = OutageDetails.of(unavailable.get());
        outage = details.outage();
        waiting.add(
            UnfinishedRequest.carrying(
                request.records(),
                request.asArray(),
                request.scriptedBody(),
                details.priorAttempts(),
                false,
                0));
        return new RequestOutcome(List.of(), List.of());
      }
      Optional<Integer> refusedWith = permanentStatus(failure);
      if (refusedWith.isPresent() && mappedRequest.records().size() > 1) {
        return split(mappedRequest);
      }
      // Refused for good, or retries spent: these records fail, the run goes on.
      return RequestOutcome.failedAll(
          mappedRequest.recordIds(),
          FailureReasons.of(failure),
          refusedWith.orElse(0),
          attempts(failure));
    }
  }

  private RequestOutcome split(DeliveryRequest whole) {
    List<MappedRecord> records = whole.records();
    int half = records.size() / 2;
    return sendIsolatingRefusals(half(whole, records.subList(0, half)))
        .plus(sendIsolatingRefusals(half(whole, records.subList(half, records.size()))));
  }

  private static DeliveryRequest half(DeliveryRequest whole, List<MappedRecord> records) {
    return new DeliveryRequest(whole.config(), records, whole.asArray());
  }

  /** The delivery stub for a request {@code priorAttempts} attempts into its retry policy. */
  private DeliveryActivities delivery(int priorAttempts) {
    return Workflow.newActivityStub(DeliveryActivities.class, deliveryOptions(priorAttempts));
  }

  /**
   * The config's retry policy, less the attempts already made: a request a slice tried once gets
   * {@code maxAttempts - 1} more, starting at the backoff its second attempt would have had.
   */
  private ActivityOptions deliveryOptions(int priorAttempts) {
    RetrySettings retry = config.retry();
    Duration attempt =
        Duration.ofSeconds(config.connectTimeoutSeconds() + config.readTimeoutSeconds())
            .plus(DELIVERY_MARGIN);
    double initial =
        retry.initialIntervalMillis() * Math.pow(retry.backoffCoefficient(), priorAttempts);
    long initialMillis =
        retry.maxIntervalMillis() > 0
            ? (long) Math.min(initial, retry.maxIntervalMillis())
            : (long) initial;
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(attempt)
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setMaximumAttempts(retry.maxAttempts() - priorAttempts)
                .setInitialInterval(Duration.ofMillis(Math.max(1, initialMillis)))
                .setBackoffCoefficient(retry.backoffCoefficient())
                .setMaximumInterval(Duration.ofMillis(retry.maxIntervalMillis()))
                .setDoNotRetry(FailureTypes.nonRetryable())
                .build())
        .build();
  }

  /**
   * How many times the request went out: spent retries mean all of them; a permanent refusal
   * carries its attempt in its {@link FailureDetails}.
   */
  private int attempts(ActivityFailure failure) {
    if (failure.getRetryState() == RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED) {
      return config.retry().maxAttempts();
    }
    return ofType(failure, FailureTypes.PERMANENT_HTTP)
        .map(FailureDetails::of)
        .map(FailureDetails::attempt)
        .filter(attempt -> attempt > 0)
        .orElse(1);
  }

  /**
   * The HTTP status of a permanent refusal ({@link FailureTypes#PERMANENT_HTTP}), if it was one.
   */
  private static Optional<Integer> permanentStatus(ActivityFailure failure) {
    return ofType(failure, FailureTypes.PERMANENT_HTTP)
        .map(FailureDetails::of)
        .map(FailureDetails::status);
  }

  private static Optional<ApplicationFailure> ofType(ActivityFailure failure, String type) {
    return failure.getCause() instanceof ApplicationFailure application
            && type.equals(application.getType())
        ? Optional.of(application)
        : Optional.empty();
  }
}
