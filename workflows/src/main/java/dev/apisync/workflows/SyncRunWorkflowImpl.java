package dev.apisync.workflows;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Pages through the records a config selects and sends them, one request per record or per page.
 * Deterministic: all I/O happens in activities; continue-as-new carries the cursor and counters.
 */
public class SyncRunWorkflowImpl implements SyncRunWorkflow {

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
    PageSender sender = new PageSender(config, delivery, scripts, input.dryRun());

    while (!limitReached(config)) {
      RecordPage page = records.fetchPage(nextPage(config, input));
      tally.skipped(page.skipped().size());
      if (!page.ids().isEmpty()) {
        MappedPage mapped = mapping.mapRecords(config, page.ids());
        tally.failed(mapped.failures());
        sender.send(mapped.records()).forEach(tally::add);
      }
      tally.pageDone(page.nextAfterId());
      Workflow.setCurrentDetails(tally.describe());
      if (page.last()) {
        break;
      }
      if (historyIsLong(input)) {
        Workflow.continueAsNew(input.continuingFrom(tally.checkpoint()));
      }
    }
    return tally.result(input.dryRun(), sender.previews());
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
}
