package dev.apisync.api.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.workflows.RunStatus;
import dev.apisync.workflows.Trigger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunFilterTest {

  @Test
  void everyRunOnceWithoutFilters() {
    assertThat(new RunFilter(0, Optional.empty(), Optional.empty()).toQuery())
        .isEqualTo("WorkflowType = 'SyncRunWorkflow' AND ExecutionStatus != 'ContinuedAsNew'");
  }

  @Test
  void configTriggerAndStatusBecomeSearchAttributeTerms() {
    assertThat(
            new RunFilter(7, Optional.of(Trigger.EVENT), Optional.of(RunStatus.RUNNING)).toQuery())
        .isEqualTo(
            "WorkflowType = 'SyncRunWorkflow' AND ApiSyncConfigId = 7 AND ApiSyncTrigger = 'EVENT'"
                + " AND ExecutionStatus = 'Running'");
  }

  @Test
  void aFailedRunIncludesOneThatTimedOut() {
    assertThat(new RunFilter(0, Optional.empty(), Optional.of(RunStatus.FAILED)).toQuery())
        .endsWith("(ExecutionStatus = 'Failed' OR ExecutionStatus = 'TimedOut')");
  }
}
