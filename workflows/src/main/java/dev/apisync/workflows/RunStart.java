package dev.apisync.workflows;

import java.util.List;

/** A run as it begins, for the runs table. */
public record RunStart(
    String workflowId,
    String runId,
    long configId,
    String configName,
    Trigger trigger,
    List<Long> recordIds,
    boolean dryRun,
    long startedAtMillis) {

  public RunStart {
    recordIds = List.copyOf(recordIds);
  }
}
