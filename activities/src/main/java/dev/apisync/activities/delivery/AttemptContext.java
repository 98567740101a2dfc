package dev.apisync.activities.delivery;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import java.time.Duration;
import java.time.Instant;

/**
 * Which run and attempt a delivery belongs to, and until when this attempt may run: from Temporal's
 * activity context, or defaults when the activity is called directly (tests, tools).
 *
 * @param workflowId empty outside a workflow
 * @param runId empty outside a workflow
 * @param attempt from 1, counting the attempts a slice made before Temporal's
 * @param deadline when Temporal gives up on this attempt (start-to-close or schedule-to-close,
 *     whichever comes first)
 */
record AttemptContext(String workflowId, String runId, int attempt, Instant deadline) {

  /**
   * Outside an activity there is no timeout to respect; this much time beyond the request's own
   * timeouts (the margin the workflow gives each delivery attempt) keeps waits bounded anyway.
   */
  static final Duration DIRECT_CALL_MARGIN = Duration.ofSeconds(10);

  /**
   * The context of the calling activity, or of a direct call whose request may take so long.
   *
   * @param priorAttempts attempts made before the activity's first (by a slice)
   */
  static AttemptContext current(Instant now, Duration requestTime, int priorAttempts) {
    ActivityInfo info;
    try {
      info = Activity.getExecutionContext().getInfo();
    } catch (IllegalStateException notInAnActivity) {
      return new AttemptContext(
          "", "", priorAttempts + 1, now.plus(requestTime).plus(DIRECT_CALL_MARGIN));
    }
    return new AttemptContext(
        info.getWorkflowId() == null ? "" : info.getWorkflowId(),
        info.getWorkflowRunId() == null ? "" : info.getWorkflowRunId(),
        priorAttempts + Math.max(1, info.getAttempt()),
        deadline(info));
  }

  private static Instant deadline(ActivityInfo info) {
    Instant deadline = Instant.MAX;
    Duration startToClose = info.getStartToCloseTimeout();
    if (startToClose != null && !startToClose.isZero()) {
      deadline = Instant.ofEpochMilli(info.getStartedTimestamp()).plus(startToClose);
    }
    Duration scheduleToClose = info.getScheduleToCloseTimeout();
    if (scheduleToClose != null && !scheduleToClose.isZero()) {
      Instant overall = Instant.ofEpochMilli(info.getScheduledTimestamp()).plus(scheduleToClose);
      deadline = overall.isBefore(deadline) ? overall : deadline;
    }
    return deadline;
  }

  /**
   * How long the attempt may still wait before sending a request that takes {@code requestTime}.
   */
  Duration waitBudget(Instant now, Duration requestTime) {
    if (deadline.equals(Instant.MAX)) {
      return DIRECT_CALL_MARGIN;
    }
    Duration left = Duration.between(now, deadline).minus(requestTime);
    return left.isNegative() ? Duration.ZERO : left;
  }
}
