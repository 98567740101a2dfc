package dev.apisync.api.schedules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A config's schedule as Temporal holds it.
 *
 * @param scheduleId Temporal's schedule id ({@code temporal schedule describe --schedule-id})
 * @param note why the schedule is paused, when it is (e.g. the config was disabled)
 * @param nextRuns the next (up to) five times it fires, UTC; none while paused
 * @param recentRuns the runs it started lately, newest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleView(
    long configId,
    String scheduleId,
    String cron,
    String timeZone,
    String every,
    boolean paused,
    String note,
    boolean incremental,
    String overlap,
    List<Instant> nextRuns,
    List<ScheduledRun> recentRuns) {

  /**
   * @param status the run's status now (RUNNING, COMPLETED, ...)
   */
  public record ScheduledRun(
      String workflowId, Instant scheduledAt, Instant startedAt, String status) {}
}
