package dev.apisync.deploy;

import dev.apisync.activities.config.ConfigStore;
import dev.apisync.activities.config.SecretCipher;
import dev.apisync.activities.config.SyncConfig;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.SyncRunInput;
import dev.apisync.workflows.SyncRunWorkflow;
import dev.apisync.workflows.TaskQueues;
import dev.apisync.workflows.Trigger;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.List;
import javax.sql.DataSource;

/**
 * The run the process-level ITs disturb: every partner (active or not), paginated, its id as {@code
 * external_id} and its name, to a {@link PageReceiver}.
 */
final class EveryPartnerRun {

  private EveryPartnerRun() {}

  /** Stores the config in {@code apisync} and starts its run; the run waits for a worker. */
  static SyncRunWorkflow start(
      WorkflowServiceStubs service,
      DataSource apisync,
      String receiverUrl,
      int pageSize,
      String workflowId) {
    long configId =
        new ConfigStore(apisync, SecretCipher.fromBase64(SecretCipher.DEVELOPMENT_KEY))
            .create(
                SyncConfig.builder()
                    .name("every partner")
                    .model("res.partner")
                    .filterDomain("[('active', 'in', [True, False])]")
                    .requestUrl(receiverUrl)
                    .httpMethod(HttpMethod.POST)
                    .paginated(true)
                    .pageSize(pageSize)
                    .line(SyncConfig.Line.identifier("id", "external_id"))
                    .line(SyncConfig.Line.plain("name", "name"))
                    .build());
    SyncRunWorkflow run =
        WorkerProcess.client(service)
            .newWorkflowStub(
                SyncRunWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(TaskQueues.SYNC)
                    .setWorkflowId(workflowId)
                    .build());
    WorkflowClient.start(run::run, SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));
    return run;
  }
}
