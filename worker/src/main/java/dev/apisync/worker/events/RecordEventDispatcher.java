package dev.apisync.worker.events;

import dev.apisync.activities.config.ConfigStore;
import dev.apisync.activities.events.EventBatch;
import dev.apisync.activities.events.OutboxQueue;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.SyncRunInput;
import dev.apisync.workflows.SyncRunOptions;
import dev.apisync.workflows.SyncRunWorkflow;
import dev.apisync.workflows.WorkflowIds;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns outbox events into sync runs (SPEC §8): claims each config's due events as a batch (one run
 * for many events, each record once), starts the run with trigger EVENT under the batch's id, and
 * forgets the batch once its run has ended (a delete's old row is read by the run until then).
 *
 * <p>Order of steps, so that a dispatcher stopped anywhere duplicates nothing: the claim (batch id
 * on the rows) is committed before the run starts; a batch claimed but not marked started is
 * started again under the same id, which Temporal refuses as a duplicate when it already ran.
 *
 * <p>Events of a disabled config stay queued (unclaimed) until it is enabled again; events of a
 * deleted config are dropped.
 */
public class RecordEventDispatcher {

  private static final Logger log = LoggerFactory.getLogger(RecordEventDispatcher.class);

  private final OutboxQueue queue;
  private final ConfigStore configs;
  private final WorkflowClient client;
  private final String taskQueue;
  private final Duration window;
  private final int maxBatchRecords;

  /**
   * @param taskQueue where runs are started (the sync task queue; tests pass their own)
   */
  public RecordEventDispatcher(
      OutboxQueue queue,
      ConfigStore configs,
      WorkflowClient client,
      String taskQueue,
      Duration window,
      int maxBatchRecords) {
    this.queue = queue;
    this.configs = configs;
    this.client = client;
    this.taskQueue = taskQueue;
    this.window = window;
    this.maxBatchRecords = maxBatchRecords;
  }

  /**
   * One pass: restart batches left unstarted, claim and start what is due, forget batches whose run
   * ended.
   *
   * @return whether events are still pending (not yet due): the caller should look again after the
   *     window rather than the poll interval
   */
  public boolean dispatchOnce() {
    if (!queue.installed()) {
      return false;
    }
    queue.unstarted().forEach(this::start);
    for (long configId : queue.configsDue(window)) {
      Optional<ConfigSnapshot> config = configs.snapshot(configId);
      if (config.isEmpty()) {
        log.warn("dropping record events of sync config {}: it no longer exists", configId);
        queue.dropPending(configId);
        continue;
      }
      if (!config.get().enabled()) {
        continue;
      }
      String name = config.get().name();
      Optional<EventBatch> batch;
      while ((batch =
              queue.claim(
                  configId,
                  maxBatchRecords,
                  (id, first, last) -> WorkflowIds.forEventBatch(id, name, first, last)))
          .isPresent()) {
        start(batch.get());
      }
    }
    queue.started().forEach(this::forgetIfEnded);
    return queue.pending();
  }

  /** Starts the batch's run, once: a second start of the same id is refused by Temporal. */
  public void start(EventBatch batch) {
    Optional<ConfigSnapshot> config = configs.snapshot(batch.configId());
    if (config.isEmpty()) {
      queue.remove(batch.id());
      return;
    }
    SyncRunInput input =
        SyncRunInput.forEventBatch(batch.configId(), batch.recordIds(), batch.id());
    WorkflowOptions options =
        SyncRunOptions.forRun(config.get(), input, batch.id())
            .setTaskQueue(taskQueue)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .build();
    try {
      WorkflowClient.start(client.newWorkflowStub(SyncRunWorkflow.class, options)::run, input);
      log.info(
          "started {} for {} record event(s) of sync config {}",
          batch.id(),
          batch.recordIds().size(),
          batch.configId());
    } catch (WorkflowExecutionAlreadyStarted alreadyStarted) {
      log.info("{} was already started; not starting it again", batch.id());
    }
    queue.markStarted(batch.id());
  }

  /**
   * Removes the batch's rows once its run has ended (or Temporal no longer knows it, e.g. past
   * retention). A batch whose state cannot be read now is looked at again on the next pass.
   */
  private void forgetIfEnded(EventBatch batch) {
    WorkflowExecutionStatus status;
    try {
      status = client.newUntypedWorkflowStub(batch.id()).describe().getStatus();
    } catch (WorkflowNotFoundException gone) {
      status = WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED;
    } catch (WorkflowServiceException e) {
      if (e.getCause() instanceof StatusRuntimeException grpc
          && grpc.getStatus().getCode() == Status.Code.NOT_FOUND) {
        status = WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED;
      } else {
        log.warn("cannot read the state of {}: {}", batch.id(), e.toString());
        return;
      }
    }
    if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
        && status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW) {
      queue.remove(batch.id());
    }
  }
}
