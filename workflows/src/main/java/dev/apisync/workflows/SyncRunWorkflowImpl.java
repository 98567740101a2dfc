package dev.apisync.workflows;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pages through the records a config selects and sends them, one request per record or per page.
 * Deterministic: all I/O happens in activities; continue-as-new carries the cursor and counters.
 */
public class SyncRunWorkflowImpl implements SyncRunWorkflow {

  /** How many requests a dry run shows; the rest are only counted. */
  static final int MAX_PREVIEWS = 20;

  /** Extra time an HTTP attempt gets beyond its connect and read timeouts (writing the body). */
  private static final Duration DELIVERY_MARGIN = Duration.ofSeconds(10);

  private static final RetryOptions SOURCE_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setMaximumInterval(Duration.ofSeconds(30))
          .setMaximumAttempts(10)
          .setDoNotRetry(FailureTypes.nonRetryable())
          .build();

  private static final ActivityOptions SOURCE_OPTIONS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(SOURCE_RETRY)
          .build();

  private final ConfigActivities configs =
      Workflow.newActivityStub(ConfigActivities.class, SOURCE_OPTIONS);
  private final RecordActivities records =
      Workflow.newActivityStub(RecordActivities.class, SOURCE_OPTIONS);
  private final MappingActivities mapping =
      Workflow.newActivityStub(MappingActivities.class, SOURCE_OPTIONS);
  private final ScriptActivities scripts =
      Workflow.newActivityStub(ScriptActivities.class, SOURCE_OPTIONS);

  private RunTally tally = new RunTally(RunCheckpoint.FRESH);

  @Override
  public SyncRunResult run(SyncRunInput input) {
    RunCheckpoint from =
        input.checkpoint().isFresh()
            ? RunCheckpoint.FRESH.startingAt(Workflow.currentTimeMillis())
            : input.checkpoint();
    tally = new RunTally(from);
    ConfigSnapshot config = configs.loadSnapshot(input.configId());
    if (!config.enabled()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "config '" + config.name() + "' is disabled", FailureTypes.INVALID_CONFIG);
    }
    DeliveryActivities delivery =
        Workflow.newActivityStub(DeliveryActivities.class, deliveryOptions(config));
    List<RequestPreview> previews = new ArrayList<>();

    while (!limitReached(config)) {
      RecordPage page = records.fetchPage(nextPage(config, input));
      tally.skipped(page.skipped().size());
      if (!page.ids().isEmpty()) {
        MappedPage mapped = mapping.mapRecords(config, page.ids());
        tally.failed(mapped.failures());
        for (DeliveryRequest mappedRequest : requestsFor(config, mapped.records())) {
          Optional<DeliveryRequest> request = scripted(mappedRequest);
          if (request.isEmpty()) {
            continue;
          }
          if (input.dryRun()) {
            preview(delivery, request.get(), previews);
          } else {
            deliver(delivery, request.get());
          }
        }
      }
      tally.pageDone(page.nextAfterId());
      if (page.last()) {
        break;
      }
      if (historyIsLong(input)) {
        Workflow.continueAsNew(input.continuingFrom(tally.checkpoint()));
      }
    }
    return tally.result(input.dryRun(), previews);
  }

  @Override
  public SyncProgress progress() {
    return tally.progress();
  }

  private boolean limitReached(ConfigSnapshot config) {
    return config.limit() > 0 && tally.attempted() >= config.limit();
  }

  private PageQuery nextPage(ConfigSnapshot config, SyncRunInput input) {
    int size = config.pageSize();
    if (config.limit() > 0) {
      size = Math.min(size, config.limit() - tally.attempted());
    }
    return new PageQuery(
        config.model(),
        config.filterDomain(),
        input.recordIds(),
        tally.afterId(),
        size,
        tally.startedAtMillis());
  }

  private static List<DeliveryRequest> requestsFor(
      ConfigSnapshot config, List<MappedRecord> mapped) {
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

  /** Runs the config's request script, if any; empty when the script failed its records. */
  private Optional<DeliveryRequest> scripted(DeliveryRequest request) {
    if (request.config().requestScript().isEmpty()) {
      return Optional.of(request);
    }
    try {
      return Optional.of(
          request.withScriptedBody(
              scripts.applyRequestScript(request.config(), request.records(), request.asArray())));
    } catch (ActivityFailure failure) {
      failAll(request, failure);
      return Optional.empty();
    }
  }

  private void deliver(DeliveryActivities delivery, DeliveryRequest request) {
    try {
      DeliveryResult result = delivery.deliver(request);
      tally.sent(result.sent().size());
      tally.failed(result.failures());
    } catch (ActivityFailure failure) {
      // Retries are spent (or the failure is permanent): these records fail, the run goes on.
      failAll(request, failure);
    }
  }

  /** A dry run counts what it would send as sent and shows the first requests. */
  private void preview(
      DeliveryActivities delivery, DeliveryRequest request, List<RequestPreview> previews) {
    if (previews.size() >= MAX_PREVIEWS) {
      tally.sent(request.records().size());
      return;
    }
    try {
      previews.add(delivery.preview(request));
      tally.sent(request.records().size());
    } catch (ActivityFailure failure) {
      failAll(request, failure);
    }
  }

  private void failAll(DeliveryRequest request, ActivityFailure failure) {
    String reason = rootMessage(failure);
    tally.failed(request.recordIds().stream().map(id -> new RecordFailure(id, reason, 0)).toList());
  }

  private boolean historyIsLong(SyncRunInput input) {
    return Workflow.getInfo().isContinueAsNewSuggested()
        || Workflow.getInfo().getHistoryLength() >= input.historyEventLimit();
  }

  private static ActivityOptions deliveryOptions(ConfigSnapshot config) {
    RetrySettings retry = config.retry();
    Duration attempt =
        Duration.ofSeconds(config.connectTimeoutSeconds() + config.readTimeoutSeconds())
            .plus(DELIVERY_MARGIN);
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(attempt)
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setMaximumAttempts(retry.maxAttempts())
                .setInitialInterval(Duration.ofMillis(retry.initialIntervalMillis()))
                .setBackoffCoefficient(retry.backoffCoefficient())
                .setMaximumInterval(Duration.ofMillis(retry.maxIntervalMillis()))
                .setDoNotRetry(FailureTypes.nonRetryable())
                .build())
        .build();
  }

  /** The innermost failure's own words, e.g. "java.net.SocketTimeoutException: timeout". */
  private static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ApplicationFailure application) {
      return application.getType() + ": " + application.getOriginalMessage();
    }
    if (cause instanceof TemporalFailure temporal) {
      return temporal.getOriginalMessage();
    }
    return String.valueOf(cause.getMessage());
  }
}
