package dev.apisync.api.schedules;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.apisync.api.EmptyJsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A config's schedule (SPEC §8, §10), a Temporal Schedule with id {@code sync-<configId>}. */
@RestController
@RequestMapping("/api/configs/{id}/schedule")
@Tag(
    name = "Schedules",
    description =
        "Runs on a cron (in a time zone) or at a fixed interval, as a Temporal Schedule: see it"
            + " with `temporal schedule describe --schedule-id sync-<configId>`. Scheduled runs are"
            + " ordinary runs with trigger SCHEDULE, listed by GET /api/runs?trigger=SCHEDULE.")
public class ScheduleController {

  private final ConfigSchedules schedules;

  ScheduleController(ConfigSchedules schedules) {
    this.schedules = schedules;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "saveSchedule",
      summary = "Create or replace the config's schedule",
      description =
          "{cron, timeZone} (five-field cron, IANA zone, default UTC) or {every} (ISO-8601"
              + " duration, at least PT1S); paused (default false); incremental (default false:"
              + " scheduled runs send only records written after the watermark); overlap: skip"
              + " (default), bufferOne or allowAll. A malformed value is a 400 naming the field,"
              + " and nothing is created.")
  public ScheduleView save(@PathVariable long id, @RequestBody ScheduleRequest body) {
    return schedules.save(id, body.parse());
  }

  @GetMapping
  @Operation(operationId = "getSchedule", summary = "The schedule, its next and recent runs")
  public ScheduleView get(@PathVariable long id) {
    return schedules.find(id);
  }

  @DeleteMapping
  @Operation(operationId = "deleteSchedule", summary = "Delete the schedule (runs going go on)")
  public ResponseEntity<Void> delete(@PathVariable long id) {
    schedules.delete(id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/pause")
  @Operation(operationId = "pauseSchedule", summary = "Stop starting runs until unpaused")
  public ScheduleView pause(@PathVariable long id) {
    return schedules.pause(id);
  }

  @PostMapping("/unpause")
  @Operation(operationId = "unpauseSchedule", summary = "Start runs on the schedule again")
  public ScheduleView unpause(@PathVariable long id) {
    return schedules.unpause(id);
  }

  @PostMapping(path = "/trigger", consumes = MediaType.APPLICATION_JSON_VALUE)
  @EmptyJsonBody
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      operationId = "triggerSchedule",
      summary = "Start a scheduled run now",
      description =
          "Even while paused or while another run is going. Answers the run's workflow id once"
              + " Temporal has started it (absent if that took more than a few seconds).")
  public Triggered trigger(@PathVariable long id) {
    return new Triggered(schedules.trigger(id).orElse(null));
  }

  @PostMapping(path = "/backfill", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      operationId = "backfillSchedule",
      summary = "Start the runs the schedule would have started between from and to",
      description = "One after the other, whatever the overlap policy.")
  public Backfill backfill(@PathVariable long id, @RequestBody BackfillRequest body) {
    body.check();
    schedules.backfill(id, body.from(), body.to());
    return new Backfill(ConfigSchedules.scheduleId(id), body.from(), body.to());
  }

  /** The run a trigger started. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Triggered(String workflowId) {}

  /** A backfill Temporal accepted; its runs start in the background. */
  public record Backfill(String scheduleId, Instant from, Instant to) {}
}
