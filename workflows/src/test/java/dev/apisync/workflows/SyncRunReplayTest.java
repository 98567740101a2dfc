package dev.apisync.workflows;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Recorded run histories (written by {@link SyncRunWorkflowStubTest} with {@code
 * -Dapisync.recordHistories=true}) replay against today's workflow code: a change that would make
 * running workflows non-deterministic fails the build. Record new histories only when a change is
 * meant to break replay (and then version it with {@code Workflow.getVersion}).
 */
class SyncRunReplayTest {

  @ParameterizedTest
  @ValueSource(strings = {"completed", "retried", "outage"})
  void recordedHistoriesReplay(String name) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/" + name + ".json", SyncRunWorkflowImpl.class);
  }
}
