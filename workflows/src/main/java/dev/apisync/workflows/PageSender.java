package dev.apisync.workflows;

import io.temporal.api.enums.v1.RetryState;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowSemaphore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Sends one page's mapped records as the config says (workflow code, deterministic): one request
 * per record or one per page, each through the request script, up to {@code concurrency} in flight.
 * A request the target refuses for good is split in halves until the refused records are isolated,
 * so one bad record never sinks its page. Outcomes come back in record order.
 */
final class PageSender {

  /** How many requests a dry run shows; the rest are only counted. */
  static final int MAX_PREVIEWS = 20;

  private final ConfigSnapshot config;
  private final DeliveryActivities delivery;
  private final ScriptActivities scripts;
  private final boolean dryRun;
  private final BooleanSupplier cancelRequested;
  private final List<RequestPreview> previews = new ArrayList<>();

  /**
   * @param cancelRequested once true, no further request starts; those in flight finish
   */
  PageSender(
      ConfigSnapshot config,
      DeliveryActivities delivery,
      ScriptActivities scripts,
      boolean dryRun,
      BooleanSupplier cancelRequested) {
    this.config = config;
    this.delivery = delivery;
    this.scripts = scripts;
    this.dryRun = dryRun;
    this.cancelRequested = cancelRequested;
  }

  /** The first requests of a dry run, as they would have been sent. */
  List<RequestPreview> previews() {
    return previews;
  }

  /** The outcomes of the requests that were sent, in record order (fewer when canceled). */
  List<RequestOutcome> send(List<MappedRecord> mapped) {
    List<DeliveryRequest> requests = requestsFor(mapped);
    RequestOutcome[] outcomes = new RequestOutcome[requests.size()];
    if (config.concurrency() <= 1 || requests.size() == 1) {
      for (int i = 0; i < requests.size() && !cancelRequested.getAsBoolean(); i++) {
        outcomes[i] = sendIsolatingRefusals(requests.get(i));
      }
      return sentOnly(outcomes);
    }
    WorkflowSemaphore inFlight = Workflow.newWorkflowSemaphore(config.concurrency());
    List<Promise<Void>> running = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      int slot = i;
      inFlight.acquire();
      if (cancelRequested.getAsBoolean()) {
        inFlight.release();
        break;
      }
      running.add(
          Async.procedure(
              () -> {
                try {
                  outcomes[slot] = sendIsolatingRefusals(requests.get(slot));
                } finally {
                  inFlight.release();
                }
              }));
    }
    Promise.allOf(running).get();
    return sentOnly(outcomes);
  }

  private static List<RequestOutcome> sentOnly(RequestOutcome[] outcomes) {
    return Arrays.stream(outcomes).filter(Objects::nonNull).toList();
  }

  private List<DeliveryRequest> requestsFor(List<MappedRecord> mapped) {
    if (mapped.isEmpty()) {
      return List.of();
    }
    if (config.paginated()) {
      return List.of(new DeliveryRequest(config, mapped, true));
    }
    return mapped.stream()
        .map(record -> new DeliveryRequest(config, List.of(record), false))
        .toList();
  }

  private RequestOutcome sendIsolatingRefusals(DeliveryRequest mappedRequest) {
    DeliveryRequest request;
    try {
      request = scripted(mappedRequest);
    } catch (ActivityFailure failure) {
      return RequestOutcome.failedAll(mappedRequest.recordIds(), reason(failure), 0, 0);
    }
    if (dryRun) {
      return preview(request);
    }
    try {
      DeliveryResult result = delivery.deliver(request);
      return new RequestOutcome(result.sent(), result.failures());
    } catch (ActivityFailure failure) {
      Optional<Integer> refusedWith = permanentStatus(failure);
      if (refusedWith.isPresent() && mappedRequest.records().size() > 1) {
        List<MappedRecord> records = mappedRequest.records();
        int half = records.size() / 2;
        return sendIsolatingRefusals(half(mappedRequest, records.subList(0, half)))
            .plus(
                sendIsolatingRefusals(half(mappedRequest, records.subList(half, records.size()))));
      }
      // Refused for good, or retries spent: these records fail, the run goes on.
      return RequestOutcome.failedAll(
          mappedRequest.recordIds(), reason(failure), refusedWith.orElse(0), attempts(failure));
    }
  }

  private static DeliveryRequest half(DeliveryRequest whole, List<MappedRecord> records) {
    return new DeliveryRequest(whole.config(), records, whole.asArray());
  }

  private DeliveryRequest scripted(DeliveryRequest request) {
    if (config.requestScript().isEmpty()) {
      return request;
    }
    return request.withScriptedBody(
        scripts.applyRequestScript(config, request.records(), request.asArray()));
  }

  /** A dry run counts what it would send as sent and shows the first requests. */
  private RequestOutcome preview(DeliveryRequest request) {
    if (previews.size() < MAX_PREVIEWS) {
      try {
        previews.add(delivery.preview(request));
      } catch (ActivityFailure failure) {
        return RequestOutcome.failedAll(request.recordIds(), reason(failure), 0, 0);
      }
    }
    return new RequestOutcome(request.recordIds(), List.of());
  }

  /**
   * How many times the request went out: spent retries mean all of them; a permanent refusal
   * carries its attempt as its second detail.
   */
  private int attempts(ActivityFailure failure) {
    if (failure.getRetryState() == RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED) {
      return config.retry().maxAttempts();
    }
    if (failure.getCause() instanceof ApplicationFailure application
        && application.getDetails().getSize() > 1) {
      return application.getDetails().get(1, Integer.class);
    }
    return 1;
  }

  /**
   * The HTTP status of a permanent refusal ({@link FailureTypes#PERMANENT_HTTP}), if it was one.
   */
  private static Optional<Integer> permanentStatus(ActivityFailure failure) {
    if (failure.getCause() instanceof ApplicationFailure application
        && FailureTypes.PERMANENT_HTTP.equals(application.getType())) {
      Integer status =
          application.getDetails().getSize() == 0 ? 0 : application.getDetails().get(Integer.class);
      return Optional.of(status);
    }
    return Optional.empty();
  }

  /** The innermost failure's own words, e.g. "HTTP 400 Bad Request: email taken". */
  static String reason(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ApplicationFailure application) {
      return FailureTypes.isOurs(application.getType())
          ? application.getOriginalMessage()
          : application.getType() + ": " + application.getOriginalMessage();
    }
    if (cause instanceof TemporalFailure temporal) {
      return temporal.getOriginalMessage();
    }
    return String.valueOf(cause.getMessage());
  }
}
