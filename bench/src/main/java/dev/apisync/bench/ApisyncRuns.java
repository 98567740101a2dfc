package dev.apisync.bench;

import dev.apisync.activities.codec.EncryptionCodec;
import dev.apisync.activities.codec.PayloadKeys;
import dev.apisync.workflows.SyncRunInput;
import dev.apisync.workflows.SyncRunResult;
import dev.apisync.workflows.SyncRunWorkflow;
import dev.apisync.workflows.TaskQueues;
import dev.apisync.workflows.Trigger;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts apisync runs straight through Temporal, as the API does but without it (the REST API needs
 * tokens and adds nothing to what is measured), and reads their histories.
 */
final class ApisyncRuns implements AutoCloseable {

  private static final String NAMESPACE = "default";

  private final WorkflowServiceStubs service;
  private final WorkflowClient client;

  /**
   * @param historyKeys the worker's {@code apisync.temporal.codec.keys}: the client encrypts and
   *     decrypts payloads as the worker does
   */
  ApisyncRuns(String target, String historyKeys) {
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    client =
        WorkflowClient.newInstance(
            service,
            WorkflowClientOptions.newBuilder()
                .setNamespace(NAMESPACE)
                .setDataConverter(
                    new EncryptionCodec(PayloadKeys.parse(List.of(historyKeys))).dataConverter())
                .build());
  }

  /** Waits until a worker polls the sync task queue (it polls once its Python pool is warm). */
  void awaitWorker(WorkerProcess worker, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!worker.isAlive()) {
        throw new IllegalStateException("the worker exited during start-up (see its log)");
      }
      int pollers;
      try {
        pollers =
            service
                .blockingStub()
                .describeTaskQueue(
                    DescribeTaskQueueRequest.newBuilder()
                        .setNamespace(NAMESPACE)
                        .setTaskQueue(TaskQueue.newBuilder().setName(TaskQueues.SYNC))
                        .setTaskQueueType(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW)
                        .build())
                .getPollersCount();
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
          throw e;
        }
        // The test server cannot list pollers: the untimed warm-up run waits for the worker.
        return;
      }
      if (pollers > 0) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("no worker polled " + TaskQueues.SYNC + " within " + timeout);
  }

  /** Runs the config to its end and reads the run's history. */
  Completed run(long configId, String workflowId, Duration timeout) throws TimeoutException {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setTaskQueue(TaskQueues.SYNC)
            .setWorkflowId(workflowId)
            .build();
    SyncRunWorkflow run = client.newWorkflowStub(SyncRunWorkflow.class, options);
    WorkflowExecution execution =
        WorkflowClient.start(run::run, SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));
    WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
    SyncRunResult result;
    try {
      result = stub.getResult(timeout.toSeconds(), TimeUnit.SECONDS, SyncRunResult.class);
    } catch (TimeoutException e) {
      stub.terminate("bench timeout");
      throw e;
    }
    return new Completed(result, RunHistory.read(service, NAMESPACE, execution));
  }

  record Completed(SyncRunResult result, RunHistory history) {}

  @Override
  public void close() {
    service.shutdown();
    service.awaitTermination(5, TimeUnit.SECONDS);
  }
}
