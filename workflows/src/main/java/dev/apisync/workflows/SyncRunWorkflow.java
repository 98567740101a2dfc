package dev.apisync.workflows;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One sync run: load the config, page the records, map them and send them (SPEC §6). */
@WorkflowInterface
public interface SyncRunWorkflow {

  @WorkflowMethod
  SyncRunResult run(SyncRunInput input);

  /** Counters so far, including those of earlier executions of this run. */
  @QueryMethod
  SyncProgress progress();
}
