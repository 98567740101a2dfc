package dev.apisync.workflows;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

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

  private final RunRecordActivities runs =
      Workflow.newActivityStub(RunRecordActivities.class, SOURCE_OPTIONS);

  private RunTally tally = new RunTally(RunCheckpoint.FRESH);
  private boolean started;
  private boolean incremental;

  @Override
  public SyncRunResult run(SyncRunInput input) {
    RunCheckpoint from =
        input.checkpoint().isFresh()
            ? RunCheckpoint.FRESH.startingAt(Workflow.currentTimeMillis())
            : input.checkpoint();
    tally = new RunTally(from);
    // A cancel request stops the run between requests, never in the middle of one: the work runs
    // in a detached scope and looks at the root scope's flag.
    CancellationScope root = CancellationScope.current();
    SyncRunResult[] result = new SyncRunResult[1];
    try {
      Workflow.newDetachedCancellationScope(
              () -> result[0] = sendPages(input, root::isCancelRequested))
          .run();
    } catch (TemporalFailure failure) {
      ended(input, "FAILED", PageSender.reason(failure));
      throw failure;
    }
    if (root.isCancelRequested()) {
      Workflow.newDetachedCancellationScope(() -> ended(input, "CANCELED", tally.describe())).run();
      throw new CanceledFailure("canceled on request after " + tally.describe());
    }
    ended(input, "COMPLETED", "");
    moveWatermark(input);
    return result[0];
  }

  /**
   * A completed incremental run moves the watermark to the highest {@code write_date} it saw (not
   * to the clock). A dry run, or one that saw no dated record, leaves it; a failed or canceled run
   * never gets here. Only runs whose input says incremental do this, and no history from before
   * incremental sync has one, so existing histories replay unchanged.
   */
  private void moveWatermark(SyncRunInput input) {
    if (incremental && !input.dryRun() && !tally.highWriteDate().isEmpty()) {
      configs.advanceWatermark(input.configId(), tally.highWriteDate());
    }
  }

  private SyncRunResult sendPages(SyncRunInput input, BooleanSupplier cancelRequested) {
    ConfigSnapshot config = configs.loadSnapshot(input.configId());
    if (input.checkpoint().isFresh()) {
      // The config's incremental setting and watermark as the run starts hold for all its
      // executions (continue-as-new carries them), whatever is edited meanwhile.
      incremental = input.incremental() || config.incremental();
      if (incremental) {
        tally.sendWrittenAfter(config.watermark());
      }
      runs.runStarted(runStart(input, config.name()));
      started = true;
    } else {
      incremental = input.incremental();
    }
    if (!config.enabled()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "config '" + config.name() + "' is disabled", FailureTypes.INVALID_CONFIG);
    }
    DeliveryActivities delivery =
        Workflow.newActivityStub(DeliveryActivities.class, deliveryOptions(config));
    PageSender sender = new PageSender(config, delivery, scripts, input.dryRun(), cancelRequested);

    while (!limitReached(config) && !cancelRequested.getAsBoolean()) {
      RecordPage page = records.fetchPage(nextPage(config, input));
      tally.skipped(page.skipped().size());
      List<RecordFailure> pageFailures = new ArrayList<>();
      if (!page.ids().isEmpty()) {
        MappedPage mapped =
            input.eventBatch().isEmpty()
                ? mapping.mapRecords(config, page.ids())
                : mapping.mapEventRecords(config, page.ids(), input.eventBatch());
        tally.failed(mapped.failures());
        pageFailures.addAll(mapped.failures());
        for (RequestOutcome outcome : sender.send(mapped.records())) {
          tally.add(outcome);
          pageFailures.addAll(outcome.failures());
        }
      }
      tally.pageDone(page);
      runs.pageRecorded(new RunPage(workflowId(), tally.progress(), pageFailures));
      Workflow.setCurrentDetails(tally.describe());
      if (page.last()) {
        break;
      }
      if (historyIsLong(input)) {
        SyncRunInput next = incremental ? input.incrementally() : input;
        Workflow.continueAsNew(next.continuingFrom(tally.checkpoint()));
      }
    }
    if (tally.failureRatio() > config.maxFailureRatio()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "failed "
              + tally.describe()
              + ": more than the config's maxFailureRatio "
              + config.maxFailureRatio()
              + " of its records",
          FailureTypes.FAILURE_RATIO_EXCEEDED);
    }
    return tally.result(input.dryRun(), sender.previews());
  }

  private void ended(SyncRunInput input, String status, String error) {
    if (input.checkpoint().isFresh() && !started) {
      // The run failed before it could say who it was (e.g. its config is gone).
      runs.runStarted(runStart(input, ""));
      started = true;
    }
    runs.runEnded(
        new RunEnd(workflowId(), status, tally.progress(), error, Workflow.currentTimeMillis()));
  }

  private RunStart runStart(SyncRunInput input, String configName) {
    WorkflowInfo info = Workflow.getInfo();
    return new RunStart(
        info.getWorkflowId(),
        info.getRunId(),
        input.configId(),
        configName,
        input.trigger(),
        input.recordIds(),
        input.dryRun(),
        tally.startedAtMillis());
  }

  private static String workflowId() {
    return Workflow.getInfo().getWorkflowId();
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
        tally.startedAtMillis(),
        config.language(),
        config.companyId(),
        config.companyRecordsOnly(),
        incremental,
        tally.writtenAfter(),
        input.eventBatch());
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
