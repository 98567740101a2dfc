package dev.apisync.api.runs;

import dev.apisync.workflows.RunStatus;
import dev.apisync.workflows.SyncRunOptions;
import dev.apisync.workflows.SyncRunWorkflow;
import dev.apisync.workflows.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which runs {@code GET /api/runs} lists, as a Temporal visibility query over apisync's search
 * attributes, e.g. {@code ApiSyncConfigId = 7 AND ApiSyncTrigger = 'EVENT' AND ExecutionStatus =
 * 'Running'}. The same text works in the Web UI's search box and in {@code temporal workflow list
 * --query}.
 *
 * @param configId 0 for every config
 */
public record RunFilter(long configId, Optional<Trigger> trigger, Optional<RunStatus> status) {

  /** The workflow type name Temporal records (the interface's simple name). */
  static final String WORKFLOW_TYPE = SyncRunWorkflow.class.getSimpleName();

  public String toQuery() {
    List<String> terms = new ArrayList<>();
    terms.add("WorkflowType = '" + WORKFLOW_TYPE + "'");
    if (configId > 0) {
      terms.add(SyncRunOptions.CONFIG_ID.getName() + " = " + configId);
    }
    trigger.ifPresent(t -> terms.add(SyncRunOptions.TRIGGER.getName() + " = '" + t.name() + "'"));
    terms.add(status.map(RunFilter::statusTerm).orElse(EVERY_RUN_ONCE));
    return String.join(" AND ", terms);
  }

  /**
   * A run that continued-as-new leaves one closed execution per continuation under its workflow id;
   * only its latest execution stands for the run.
   */
  private static final String EVERY_RUN_ONCE = "ExecutionStatus != 'ContinuedAsNew'";

  private static String statusTerm(RunStatus status) {
    return switch (status) {
      case RUNNING -> "ExecutionStatus = 'Running'";
      case COMPLETED -> "ExecutionStatus = 'Completed'";
      // RunStatus.of counts a timeout as a failure.
      case FAILED -> "(ExecutionStatus = 'Failed' OR ExecutionStatus = 'TimedOut')";
      case CANCELED -> "ExecutionStatus = 'Canceled'";
      case TERMINATED -> "ExecutionStatus = 'Terminated'";
    };
  }
}
