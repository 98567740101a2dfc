package dev.apisync.activities.runs;

import dev.apisync.workflows.RunEnd;
import dev.apisync.workflows.RunPage;
import dev.apisync.workflows.RunRecordActivities;
import dev.apisync.workflows.RunStart;

/** Records runs in apisync's own database as they go. */
public class RunRecordActivitiesImpl implements RunRecordActivities {

  private final RunStore store;

  public RunRecordActivitiesImpl(RunStore store) {
    this.store = store;
  }

  @Override
  public void runStarted(RunStart start) {
    store.started(start);
  }

  @Override
  public void pageRecorded(RunPage page) {
    store.pageDone(page);
  }

  @Override
  public void runEnded(RunEnd end) {
    store.ended(end);
  }

  @Override
  public void stopRequested(String workflowId) {
    store.requestStop(workflowId);
  }
}
