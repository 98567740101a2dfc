package dev.apisync.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.TaskQueueKind;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a run's history says about its cost: events and activity executions over the whole
 * continue-as-new chain, and how long each workflow task waited between scheduled and started.
 *
 * @param stickyWorkflowTasks workflow tasks scheduled on the worker's sticky queue (the others went
 *     to the shared queue, where any worker replays the history from its start)
 * @param workflowTaskWaitsMillis per workflow task, WORKFLOW_TASK_STARTED minus its SCHEDULED time
 * @param millisBeforeEventType where the run's wall time went: for each event type, the time that
 *     passed before events of that type (beyond the latest earlier event)
 */
record RunHistory(
    int executions,
    int events,
    int activities,
    int stickyWorkflowTasks,
    List<Double> workflowTaskWaitsMillis,
    Map<EventType, Double> millisBeforeEventType) {

  /** Bounds the chain walk: no bench run continues-as-new this often. */
  private static final int MAX_EXECUTIONS = 10_000;

  static RunHistory read(WorkflowServiceStubs service, String namespace, WorkflowExecution first) {
    int executions = 0;
    int events = 0;
    int activities = 0;
    int sticky = 0;
    List<Double> waits = new ArrayList<>();
    Map<EventType, Double> before = new EnumMap<>(EventType.class);
    String runId = first.getRunId();
    while (runId != null && !runId.isEmpty() && executions < MAX_EXECUTIONS) {
      executions++;
      Map<Long, Timestamp> scheduled = new HashMap<>();
      Timestamp latest = null;
      String next = null;
      ByteString pageToken = ByteString.EMPTY;
      do {
        GetWorkflowExecutionHistoryResponse page =
            service
                .blockingStub()
                .getWorkflowExecutionHistory(
                    GetWorkflowExecutionHistoryRequest.newBuilder()
                        .setNamespace(namespace)
                        .setExecution(first.toBuilder().setRunId(runId))
                        .setNextPageToken(pageToken)
                        .build());
        for (HistoryEvent event : page.getHistory().getEventsList()) {
          events++;
          EventType type = event.getEventType();
          // An activity's STARTED event is written when it closes, stamped with its start: only
          // time past the latest stamp so far counts, so the gaps add up to the wall time.
          if (latest != null && millisBetween(latest, event.getEventTime()) > 0) {
            before.merge(type, millisBetween(latest, event.getEventTime()), Double::sum);
            latest = event.getEventTime();
          } else if (latest == null) {
            latest = event.getEventTime();
          }
          if (type == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
            activities++;
          } else if (type == EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED) {
            scheduled.put(event.getEventId(), event.getEventTime());
            if (event.getWorkflowTaskScheduledEventAttributes().getTaskQueue().getKind()
                == TaskQueueKind.TASK_QUEUE_KIND_STICKY) {
              sticky++;
            }
          } else if (type == EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED) {
            Timestamp at =
                scheduled.get(event.getWorkflowTaskStartedEventAttributes().getScheduledEventId());
            if (at != null) {
              waits.add(millisBetween(at, event.getEventTime()));
            }
          } else if (type == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW) {
            next = event.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId();
          }
        }
        pageToken = page.getNextPageToken();
      } while (!pageToken.isEmpty());
      runId = next;
    }
    return new RunHistory(
        executions, events, activities, sticky, List.copyOf(waits), Map.copyOf(before));
  }

  /** The event types before which most time passed, with their share, e.g. for a log line. */
  String whereTimeWent(int top) {
    double total = millisBeforeEventType.values().stream().mapToDouble(Double::doubleValue).sum();
    return millisBeforeEventType.entrySet().stream()
        .sorted(Map.Entry.<EventType, Double>comparingByValue().reversed())
        .limit(top)
        .map(
            e ->
                String.format(
                    Locale.ROOT,
                    "%s %.0f%%",
                    e.getKey().name().replace("EVENT_TYPE_", ""),
                    100 * e.getValue() / total))
        .collect(Collectors.joining(", "));
  }

  double medianWorkflowTaskWaitMillis() {
    return Stats.median(workflowTaskWaitsMillis);
  }

  /** The workflow-task waits' deciles, to tell a fixed delay (a timer, delayed ACK) from noise. */
  String workflowTaskWaitDeciles() {
    double[] sorted =
        workflowTaskWaitsMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      return "none";
    }
    StringBuilder deciles = new StringBuilder();
    for (int tenth = 1; tenth <= 9; tenth++) {
      deciles.append(deciles.isEmpty() ? "" : " ");
      deciles.append(String.format(Locale.ROOT, "%.1f", sorted[sorted.length * tenth / 10]));
    }
    return deciles.toString();
  }

  private static double millisBetween(Timestamp from, Timestamp to) {
    return (to.getSeconds() - from.getSeconds()) * 1000.0 + (to.getNanos() - from.getNanos()) / 1e6;
  }
}
