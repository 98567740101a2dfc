package dev.apisync.workflows;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;

/**
 * A run's state (SPEC §10): as the workflow ends it, the runs table keeps it and the API reports
 * it.
 */
public enum RunStatus {
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELED,
  TERMINATED;

  /** Temporal's status of the run's latest execution; a timeout counts as a failure. */
  public static RunStatus of(WorkflowExecutionStatus status) {
    return switch (status) {
      case WORKFLOW_EXECUTION_STATUS_COMPLETED -> COMPLETED;
      case WORKFLOW_EXECUTION_STATUS_FAILED, WORKFLOW_EXECUTION_STATUS_TIMED_OUT -> FAILED;
      case WORKFLOW_EXECUTION_STATUS_CANCELED -> CANCELED;
      case WORKFLOW_EXECUTION_STATUS_TERMINATED -> TERMINATED;
      default -> RUNNING;
    };
  }
}
