package dev.apisync.workflows;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Sends the records a config selects, one request per record or per page, a slice of pages per
 * activity ({@link SliceActivities}); requests a slice could not finish are retried here, each as
 * its own delivery activity. Deterministic: all I/O happens in activities; continue-as-new carries
 * the cursor and counters.
 */
public class SyncRunWorkflowImpl implements SyncRunWorkflow {

  /** How many requests a dry run shows; the rest are only counted. */
  static final int MAX_PREVIEWS = 20;

  /**
   * After this long a slice starts no new page: long enough that a slice's round trip through
   * Temporal costs little, short enough that the Web UI's details move often.
   */
  static final long SLICE_BUDGET_MILLIS = 2_000;

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

  /**
   * A slice heartbeats as its pages complete: a killed worker's slice is retried within the
   * heartbeat timeout and resumes after its last committed page.
   */
  private static final ActivityOptions SLICE_OPTIONS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(30))
          .setHeartbeatTimeout(Duration.ofSeconds(20))
          .setRetryOptions(SOURCE_RETRY)
          .build();

  /**
   * Reading the config and recording the run are short, idempotent writes to apisync's own
   * database: local activities, run by the worker inside its workflow task, save each a round trip
   * through the server.
   */
  private static final LocalActivityOptions LOCAL_OPTIONS =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(SOURCE_RETRY)
          .build();

  private final ConfigActivities configs =
      Workflow.newLocalActivityStub(ConfigActivities.class, LOCAL_OPTIONS);
  private final SliceActivities slices =
      Workflow.newActivityStub(SliceActivities.class, SLICE_OPTIONS);
  private final MappingActivities mapping =
      Workflow.newActivityStub(MappingActivities.class, SOURCE_OPTIONS);
  private final ScriptActivities scripts =
      Workflow.newActivityStub(ScriptActivities.class, SOURCE_OPTIONS);

  private final RunRecordActivities runs =
      Workflow.newLocalActivityStub(RunRecordActivities.class, LOCAL_OPTIONS);

  private RunTally tally = new RunTally(RunCheckpoint.FRESH);
  private boolean started;
  private boolean incremental;

  @Override
  public SyncRunResult run(SyncRunInput input) {
    // A fresh checkpoint may carry a cursor: a retried run resuming where an earlier one stopped.
    RunCheckpoint from =
        input.checkpoint().isFresh()
            ? input.checkpoint().startingAt(Workflow.currentTimeMillis())
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
      ended(input, "FAILED", FailureReasons.of(failure));
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
    PageSender sender =
        new PageSender(config, mapping, scripts, input.eventBatch(), cancelRequested);
    List<RequestPreview> previews = new ArrayList<>();
    while (!limitReached(config) && !cancelRequested.getAsBoolean()) {
      SliceResult slice =
          sendSlice(
              new SliceRequest(
                  config,
                  nextPage(config, input),
                  recordBudget(config),
                  input.dryRun(),
                  MAX_PREVIEWS - previews.size(),
                  tally.progress(),
                  SLICE_BUDGET_MILLIS),
              cancelRequested);
      tally.sliceDone(slice);
      previews.addAll(slice.previews());
      if (!slice.unfinished().isEmpty()) {
        List<RecordFailure> failures = new ArrayList<>();
        Set<Long> settled = new HashSet<>();
        for (RequestOutcome outcome : sender.finish(slice.unfinished())) {
          tally.add(outcome);
          failures.addAll(outcome.failures());
          settled.addAll(outcome.sent());
          outcome.failures().forEach(failure -> settled.add(failure.recordId()));
        }
        // A cancel can leave requests unretried: the recorded cursor goes back before them, so a
        // run retried from it sends them rather than skipping them.
        slice.unfinished().stream()
            .flatMap(request -> request.recordIds().stream())
            .filter(id -> !settled.contains(id))
            .min(Long::compare)
            .ifPresent(tally::rewindBefore);
        runs.pageRecorded(new RunPage(workflowId(), tally.progress(), failures));
      }
      Workflow.setCurrentDetails(tally.describe());
      if (slice.last()) {
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
    return tally.result(input.dryRun(), previews);
  }

  /**
   * Runs one slice. A cancel request is passed on to it through the runs table (not Temporal's
   * activity cancellation, which can race the slice's own completion): it starts no new request,
   * lets those in flight finish, and returns what it sent.
   */
  private SliceResult sendSlice(SliceRequest request, BooleanSupplier cancelRequested) {
    Promise<SliceResult> slice = Async.function(slices::sendSlice, request);
    Workflow.await(() -> slice.isCompleted() || cancelRequested.getAsBoolean());
    if (!slice.isCompleted()) {
      runs.stopRequested(workflowId());
    }
    return slice.get();
  }

  /** Records the config's {@code limit} leaves for the next slice, 0 for no cap. */
  private int recordBudget(ConfigSnapshot config) {
    return config.limit() > 0 ? Math.max(1, config.limit() - tally.attempted()) : 0;
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
}
