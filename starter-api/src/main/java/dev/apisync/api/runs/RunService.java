package dev.apisync.api.runs;

import dev.apisync.activities.config.ConfigStore;
import dev.apisync.activities.config.StoredConfig;
import dev.apisync.activities.runs.RunRecord;
import dev.apisync.activities.runs.RunStore;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.FailureReasons;
import dev.apisync.workflows.RunStart;
import dev.apisync.workflows.RunStatus;
import dev.apisync.workflows.SyncProgress;
import dev.apisync.workflows.SyncRunInput;
import dev.apisync.workflows.SyncRunOptions;
import dev.apisync.workflows.SyncRunResult;
import dev.apisync.workflows.SyncRunWorkflow;
import dev.apisync.workflows.Trigger;
import dev.apisync.workflows.WorkflowIds;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.PendingWorkflowTaskState;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowQueryException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowStub;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Service;

/**
 * Starts sync runs and reads them back from Temporal. It acts only on apisync's own runs, those in
 * its runs table: any other workflow id in the namespace is answered as not found.
 */
@Service
public class RunService {

  private final WorkflowClient client;
  private final ConfigStore configs;
  private final RunStore runs;
  private final TemporalUiLinks links;
  private final RunVisibility visibility;
  private static final String SYNC_RUN_TYPE = "SyncRunWorkflow";

  private final Clock clock = Clock.systemUTC();

  RunService(
      WorkflowClient client,
      ConfigStore configs,
      RunStore runs,
      TemporalUiLinks links,
      RunVisibility visibility) {
    this.client = client;
    this.configs = configs;
    this.runs = runs;
    this.links = links;
    this.visibility = visibility;
  }

  public RunStarted start(long configId, List<Long> recordIds, boolean dryRun, Trigger trigger) {
    return start(SyncRunInput.of(configId, recordIds, trigger, dryRun));
  }

  private RunStarted start(SyncRunInput input) {
    long configId = input.configId();
    StoredConfig stored =
        configs.find(configId).orElseThrow(() -> RunRefusedException.configNotFound(configId));
    if (!stored.config().enabled() && !input.dryRun()) {
      throw RunRefusedException.configDisabled(configId, stored.config().name());
    }
    Instant now = clock.instant();
    ConfigSnapshot config = stored.snapshot();
    String workflowId = WorkflowIds.forRun(configId, config.name(), now);
    SyncRunWorkflow run =
        client.newWorkflowStub(
            SyncRunWorkflow.class, SyncRunOptions.forRun(config, input, workflowId).build());
    WorkflowExecution execution = WorkflowClient.start(run::run, input);
    // Recorded here too (the run records itself when a worker picks it up), so the run is
    // apisync's, and can be read and stopped, from the moment this call answers.
    runs.started(
        new RunStart(
            workflowId,
            execution.getRunId(),
            configId,
            config.name(),
            input.trigger(),
            input.recordIds(),
            input.dryRun(),
            now.toEpochMilli()));
    return new RunStarted(
        workflowId,
        execution.getRunId(),
        links.run(workflowId, execution.getRunId()),
        input.checkpoint().afterId());
  }

  /**
   * @param wait how long to wait for a running run to close before answering; zero answers at once
   */
  public RunView find(String workflowId, Duration wait) {
    Optional<RunRecord> recorded = recordedIfAny(workflowId);
    WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
    Optional<WorkflowExecutionDescription> described = describe(stub);
    if (described.isEmpty()) {
      // Past Temporal's retention (or on another cluster): what apisync recorded still answers.
      return recorded
          .map(this::recordedView)
          .orElseThrow(() -> new RunNotFoundException(workflowId));
    }
    WorkflowExecutionDescription description = described.get();
    requireOurs(workflowId, recorded, description);
    if (!wait.isZero()) {
      awaitClose(stub, wait);
      description = stub.describe();
    }
    String runId = description.getExecution().getRunId();
    long configId = memo(description, SyncRunOptions.MEMO_CONFIG_ID, Long.class, 0L);
    String trigger = memo(description, SyncRunOptions.MEMO_TRIGGER, String.class, "");
    RunStatus status = RunStatus.of(description.getStatus());
    String uiUrl = links.run(workflowId, runId);
    return switch (status) {
      case RUNNING ->
          new RunView(
              workflowId,
              runId,
              configId,
              trigger,
              status,
              progress(stub, description, recorded.orElse(null)),
              null,
              null,
              uiUrl);
      case COMPLETED -> {
        SyncRunResult result = stub.getResult(SyncRunResult.class);
        yield new RunView(
            workflowId,
            runId,
            configId,
            trigger,
            status,
            new SyncProgress(result.pages(), result.sent(), result.failed(), result.skipped(), 0),
            result,
            null,
            uiUrl);
      }
      default ->
          new RunView(
              workflowId, runId, configId, trigger, status, null, null, failureOf(stub), uiUrl);
    };
  }

  /**
   * One page of runs from Temporal's visibility store, with the counts the runs recorded (one query
   * for the page). Nothing is written and no run is described one by one.
   */
  public RunList list(RunFilter filter, int limit, String pageToken) {
    RunVisibility.VisibleRuns page = visibility.list(filter, limit, pageToken);
    Map<String, RunRecord> recorded =
        runs.findAll(page.runs().stream().map(run -> run.getExecution().getWorkflowId()).toList());
    List<RunSummary> summaries =
        page.runs().stream()
            .map(
                run -> {
                  String workflowId = run.getExecution().getWorkflowId();
                  return RunSummary.of(
                      run,
                      Optional.ofNullable(recorded.get(workflowId)),
                      links.run(workflowId, run.getExecution().getRunId()));
                })
            .toList();
    return new RunList(summaries, page.nextPageToken());
  }

  /** Each listed run's current status, where Temporal's visibility store knows it. */
  public Map<String, RunStatus> statuses(Collection<String> workflowIds) {
    return visibility.statuses(workflowIds);
  }

  /** Asks the run to stop after the requests in flight; it records what it sent. */
  public void cancel(String workflowId) {
    requireRunning(workflowId, "cancel").cancel("canceled through the apisync API");
  }

  /** Stops the run at once, requests in flight or not. */
  public void terminate(String workflowId) {
    requireRunning(workflowId, "terminate").terminate("terminated through the apisync API");
    runs.markClosed(
        workflowId, RunStatus.TERMINATED, "terminated through the API", clock.instant());
  }

  /**
   * Starts the run's input again: same config, same records, same dry-run flag. A run that stopped
   * before its end (failed, canceled or terminated) is continued after its recorded cursor, so
   * nothing it delivered is sent again, unless {@code fromStart}; a completed run starts over.
   */
  public RunStarted retry(String workflowId, boolean fromStart) {
    RunRecord run = recorded(workflowId);
    SyncRunInput input =
        SyncRunInput.of(run.configId(), run.recordIds(), Trigger.MANUAL, run.dryRun());
    if (!fromStart && run.afterId() > 0 && stoppedEarly(run)) {
      input = input.resumingAfter(run.afterId());
    }
    return start(input);
  }

  /**
   * Whether the run ended before its last record: as recorded, or (a run terminated or timed out
   * outside the API, which cannot say so itself) as Temporal knows it.
   */
  private boolean stoppedEarly(RunRecord run) {
    RunStatus status = run.status();
    if (status == RunStatus.RUNNING) {
      try {
        status =
            RunStatus.of(client.newUntypedWorkflowStub(run.workflowId()).describe().getStatus());
      } catch (WorkflowServiceException | WorkflowNotFoundException gone) {
        // Past Temporal's retention: what was recorded is all there is.
      }
    }
    return status == RunStatus.FAILED
        || status == RunStatus.CANCELED
        || status == RunStatus.TERMINATED;
  }

  /** Starts a run of the same config for only the records this run failed. */
  public RunStarted retryFailed(String workflowId) {
    RunRecord run = recorded(workflowId);
    List<Long> failed = runs.failedRecordIds(workflowId);
    if (failed.isEmpty()) {
      throw new RunConflictException(
          "Nothing to retry", "run '" + workflowId + "' has no failed records");
    }
    return start(run.configId(), failed, run.dryRun(), Trigger.MANUAL);
  }

  /** The run as apisync recorded it; a workflow apisync did not start is not found. */
  private RunRecord recorded(String workflowId) {
    return recordedIfAny(workflowId).orElseThrow(() -> new RunNotFoundException(workflowId));
  }

  /** Temporal's description of the run; empty when Temporal does not know it (any more). */
  private static Optional<WorkflowExecutionDescription> describe(WorkflowStub stub) {
    try {
      return Optional.of(stub.describe());
    } catch (WorkflowNotFoundException e) {
      return Optional.empty();
    }
  }

  private Optional<RunRecord> recordedIfAny(String workflowId) {
    if (workflowId.indexOf('\0') >= 0) {
      throw new RunNotFoundException(workflowId.replace('\0', '?'));
    }
    return runs.find(workflowId);
  }

  /**
   * Run operations act on apisync's runs only: those it recorded, and those started through {@link
   * SyncRunOptions} that no worker has picked up yet (a schedule's or the event dispatcher's run
   * records itself when its first workflow task runs), which carry its config-id search attribute.
   * Any other workflow of the namespace is not found.
   */
  private static void requireOurs(
      String workflowId, Optional<RunRecord> recorded, WorkflowExecutionDescription description) {
    boolean startedAsARun =
        SYNC_RUN_TYPE.equals(description.getWorkflowType())
            && description.getTypedSearchAttributes().containsKey(SyncRunOptions.CONFIG_ID);
    if (recorded.isEmpty() && !startedAsARun) {
      throw new RunNotFoundException(workflowId);
    }
  }

  private WorkflowStub requireRunning(String workflowId, String operation) {
    Optional<RunRecord> recorded = recordedIfAny(workflowId);
    WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
    WorkflowExecutionDescription description =
        describe(stub).orElseThrow(() -> new RunNotFoundException(workflowId));
    requireOurs(workflowId, recorded, description);
    RunStatus status = RunStatus.of(description.getStatus());
    if (status != RunStatus.RUNNING) {
      throw new RunConflictException(
          "Run is not running",
          "cannot " + operation + " run '" + workflowId + "': it is " + status);
    }
    return stub;
  }

  /**
   * A running run's live progress, asked of the workflow, or what its slices recorded page by page
   * when that is further. A query needs a worker: while no worker has picked the run up (its first
   * workflow task still waits), or when the query fails, the recorded progress answers instead of a
   * long wait or an error.
   *
   * @param recorded null while the run has not recorded itself (no worker has picked it up)
   */
  private static SyncProgress progress(
      WorkflowStub stub, WorkflowExecutionDescription description, RunRecord recorded) {
    var raw = description.getRawDescription();
    // Started and first workflow task scheduled, nothing more: no worker has touched the run. A
    // workflow task scheduled but not started: the query would wait for a worker too.
    boolean waitingForAWorker =
        raw.getWorkflowExecutionInfo().getHistoryLength() <= 2
            || (raw.hasPendingWorkflowTask()
                && raw.getPendingWorkflowTask().getState()
                    == PendingWorkflowTaskState.PENDING_WORKFLOW_TASK_STATE_SCHEDULED);
    String waiting = retrying(raw);
    if (!waitingForAWorker) {
      try {
        SyncProgress live = stub.query("progress", SyncProgress.class);
        if (!live.waiting().isEmpty()) {
          waiting = live.waiting();
        }
        // The workflow counts a slice of pages when the slice returns; the slice records each
        // page as it commits it. The further of the two is the run's progress.
        if (recorded == null || recorded.pages() <= live.pages()) {
          return new SyncProgress(
              live.pages(),
              live.sent(),
              live.failed(),
              live.skipped(),
              live.lastRecordId(),
              waiting);
        }
      } catch (WorkflowQueryException | WorkflowServiceException noAnswer) {
        // fall through to what was recorded
      }
    }
    return recorded == null
        ? new SyncProgress(0, 0, 0, 0, 0, waiting)
        : new SyncProgress(
            recorded.pages(), recorded.sent(), recorded.failed(), recorded.skipped(), 0, waiting);
  }

  /**
   * What the run waits for when its workflow does not say: an activity Temporal is retrying (a
   * slice while apisync's database or the source is unreachable), with its last failure.
   */
  private static String retrying(DescribeWorkflowExecutionResponse raw) {
    return raw.getPendingActivitiesList().stream()
        .filter(activity -> activity.getAttempt() > 1 && activity.hasLastFailure())
        .findFirst()
        .map(
            activity ->
                "retrying "
                    + activity.getActivityType().getName()
                    + " (attempt "
                    + activity.getAttempt()
                    + ") after: "
                    + shortened(activity.getLastFailure().getMessage()))
        .orElse("");
  }

  private static String shortened(String message) {
    return message.length() <= 300 ? message : message.substring(0, 299) + "…";
  }

  private RunView recordedView(RunRecord run) {
    return new RunView(
        run.workflowId(),
        run.firstRunId(),
        run.configId(),
        run.trigger(),
        run.status(),
        new SyncProgress(run.pages(), run.sent(), run.failed(), run.skipped(), 0),
        null,
        run.error().isEmpty() ? null : run.error(),
        uiUrl(run));
  }

  private String uiUrl(RunRecord run) {
    return links.run(run.workflowId(), run.firstRunId());
  }

  private static void awaitClose(WorkflowStub stub, Duration wait) {
    try {
      stub.getResult(wait.toMillis(), TimeUnit.MILLISECONDS, SyncRunResult.class);
    } catch (TimeoutException | WorkflowException stillRunningOrClosedBadly) {
      // Either way the description below tells the state.
    }
  }

  private static String failureOf(WorkflowStub stub) {
    try {
      stub.getResult(SyncRunResult.class);
      return null;
    } catch (WorkflowException e) {
      return FailureReasons.of(e);
    }
  }

  private static <T> T memo(
      WorkflowExecutionDescription description, String key, Class<T> type, T fallback) {
    Object value = description.getMemo(key, type);
    return value == null ? fallback : type.cast(value);
  }
}
