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
import java.util.List;
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

  /** The shortest wait before probing a target whose circuit is open (clocks may differ). */
  private static final long MIN_PROBE_WAIT_MILLIS = 1_000;

  /**
   * Reading the source and writing apisync's own database: an unreachable database is waited for
   * with capped backoff, for as long as the config's maxOutage ({@link OutageSettings#DEFAULTS}
   * until the config is loaded), not for a number of attempts.
   */
  private static RetryOptions outageRetry() {
    return RetryOptions.newBuilder()
        .setInitialInterval(Duration.ofSeconds(1))
        .setMaximumInterval(Duration.ofSeconds(30))
        .setMaximumAttempts(0)
        .setDoNotRetry(FailureTypes.nonRetryable())
        .build();
  }

  /**
   * A slice heartbeats as its pages complete: a killed worker's slice is retried within the
   * heartbeat timeout and resumes after its last committed page.
   */
  private static ActivityOptions sliceOptions(Duration maxOutage) {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(30))
        .setHeartbeatTimeout(Duration.ofSeconds(20))
        .setScheduleToCloseTimeout(maxOutage)
        .setRetryOptions(outageRetry())
        .build();
  }

  /**
   * Mapping a page again and running its request script: a page of Python may take the config's
   * script timeout per record, so the attempt gets that (at least 2 minutes, at most 30); they
   * heartbeat meanwhile, so a lost worker costs a minute, not the whole timeout.
   */
  private static ActivityOptions pythonOptions(ConfigSnapshot config) {
    long perRecord = config.scriptTimeoutSeconds() > 0 ? config.scriptTimeoutSeconds() : 10;
    long seconds = Math.clamp(perRecord * config.pageSize() + 60, 120, 30 * 60);
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(seconds))
        .setHeartbeatTimeout(Duration.ofMinutes(1))
        .setScheduleToCloseTimeout(config.outage().maxOutage())
        .setRetryOptions(outageRetry())
        .build();
  }

  /**
   * Reading the config and recording the run are short, idempotent writes to apisync's own
   * database: local activities, run by the worker inside its workflow task, save each a round trip
   * through the server.
   */
  private static LocalActivityOptions localOptions(Duration maxOutage) {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(2))
        .setScheduleToCloseTimeout(maxOutage)
        .setRetryOptions(outageRetry())
        .build();
  }

  private final ConfigActivities configs =
      Workflow.newLocalActivityStub(
          ConfigActivities.class, localOptions(OutageSettings.DEFAULTS.maxOutage()));
  private RunRecordActivities runs =
      Workflow.newLocalActivityStub(
          RunRecordActivities.class, localOptions(OutageSettings.DEFAULTS.maxOutage()));
  private SliceActivities slices;
  private MappingActivities mapping;
  private ScriptActivities scripts;

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
      ended(input, RunStatus.FAILED, FailureReasons.of(failure));
      throw failure;
    }
    if (root.isCancelRequested()) {
      Workflow.newDetachedCancellationScope(
              () -> ended(input, RunStatus.CANCELED, tally.describe()))
          .run();
      throw new CanceledFailure("canceled on request after " + tally.describe());
    }
    ended(input, RunStatus.COMPLETED, "");
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
    useOutageLimit(config);
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
    // A dry run sends nothing, so a config being built (still disabled) can be previewed.
    if (!config.enabled() && !input.dryRun()) {
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
        finishUnfinished(config, sender, slice, cancelRequested);
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

  /** The activities of the run, waiting through a database outage as long as the config says. */
  private void useOutageLimit(ConfigSnapshot config) {
    Duration maxOutage = config.outage().maxOutage();
    runs = Workflow.newLocalActivityStub(RunRecordActivities.class, localOptions(maxOutage));
    slices = Workflow.newActivityStub(SliceActivities.class, sliceOptions(maxOutage));
    mapping = Workflow.newActivityStub(MappingActivities.class, pythonOptions(config));
    scripts = Workflow.newActivityStub(ScriptActivities.class, pythonOptions(config));
  }

  /**
   * Retries a slice's unfinished requests. While the target's circuit is open the run waits on a
   * durable timer until the circuit's next probe, then sends the first request alone: it is the
   * probe (the delivery activity decides whether it may go). Past the config's maxOutage the run
   * fails. Requests a cancel or the failure leaves unsent move the recorded cursor back before
   * them, so a run retried from it sends them rather than skipping them.
   */
  private void finishUnfinished(
      ConfigSnapshot config,
      PageSender sender,
      SliceResult slice,
      BooleanSupplier cancelRequested) {
    List<UnfinishedRequest> pending = slice.unfinished();
    TargetOutage outage = slice.outage();
    List<RecordFailure> failures = new ArrayList<>();
    try {
      while (!pending.isEmpty() && !cancelRequested.getAsBoolean()) {
        int batch = pending.size();
        if (outage != null) {
          if (!awaitProbe(config, outage, cancelRequested)) {
            break;
          }
          batch = 1;
        }
        PageSender.Finished finished = sender.finish(pending.subList(0, batch));
        for (RequestOutcome outcome : finished.outcomes()) {
          tally.add(outcome);
          failures.addAll(outcome.failures());
        }
        List<UnfinishedRequest> next = new ArrayList<>(finished.waiting());
        next.addAll(pending.subList(batch, pending.size()));
        pending = next;
        outage = finished.outage();
      }
    } finally {
      pending.stream()
          .flatMap(request -> request.recordIds().stream())
          .min(Long::compare)
          .ifPresent(tally::rewindBefore);
      tally.waitingFor("");
      runs.pageRecorded(new RunPage(workflowId(), tally.progress(), failures));
    }
  }

  /**
   * Waits for the outage's next probe, showing it in the progress and the current details.
   *
   * @return false when a cancel came meanwhile
   * @throws ApplicationFailure when the target has been unavailable longer than the config's
   *     maxOutage
   */
  private boolean awaitProbe(
      ConfigSnapshot config, TargetOutage outage, BooleanSupplier cancelRequested) {
    long now = Workflow.currentTimeMillis();
    long maxOutage = config.outage().maxOutage().toMillis();
    if (now - outage.sinceMillis() >= maxOutage) {
      throw ApplicationFailure.newNonRetryableFailure(
          outage.describe()
              + ": longer than the config's maxOutageMinutes ("
              + config.outage().maxOutageMinutes()
              + "); retry the run to resume at its cursor",
          FailureTypes.TARGET_UNAVAILABLE);
    }
    tally.waitingFor(outage.describe());
    Workflow.setCurrentDetails(tally.describe());
    long untilProbe = Math.max(MIN_PROBE_WAIT_MILLIS, outage.nextProbeMillis() - now);
    long untilGivingUp = outage.sinceMillis() + maxOutage - now;
    Workflow.await(
        Duration.ofMillis(Math.min(untilProbe, Math.max(MIN_PROBE_WAIT_MILLIS, untilGivingUp))),
        cancelRequested::getAsBoolean);
    return !cancelRequested.getAsBoolean();
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

  private void ended(SyncRunInput input, RunStatus status, String error) {
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
