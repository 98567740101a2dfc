package dev.apisync.api.schedules;

import dev.apisync.activities.config.ConfigStore;
import dev.apisync.activities.config.StoredConfig;
import dev.apisync.api.configs.ConfigNotFoundException;
import dev.apisync.api.runs.RunService;
import dev.apisync.workflows.RunStatus;
import dev.apisync.workflows.SyncRunInput;
import dev.apisync.workflows.SyncRunOptions;
import dev.apisync.workflows.SyncRunWorkflow;
import dev.apisync.workflows.Trigger;
import dev.apisync.workflows.WorkflowIds;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionExecution;
import io.temporal.client.schedules.ScheduleActionExecutionStartWorkflow;
import io.temporal.client.schedules.ScheduleActionResult;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleBackfill;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleHandle;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.client.schedules.ScheduleState;
import io.temporal.client.schedules.ScheduleUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * One Temporal Schedule per sync config, id {@code sync-<configId>}: Temporal holds the schedule,
 * apisync's {@code sync_schedule} table only which configs have one (and the cron as written). Its
 * action starts an ordinary sync run with trigger SCHEDULE through {@link SyncRunOptions}, under
 * the workflow id prefix {@link WorkflowIds#forSchedule}.
 */
@Service
public class ConfigSchedules {

  /** The note on a schedule apisync paused because its config was disabled. */
  static final String DISABLED_NOTE = "paused because the sync config is disabled";

  private static final int NEXT_RUNS = 5;
  private static final Duration TRIGGER_WAIT = Duration.ofSeconds(10);
  private static final Duration TRIGGER_POLL = Duration.ofMillis(100);

  private final ScheduleClient schedules;
  private final ConfigStore configs;
  private final RunService runs;
  private final ScheduleLinks links;

  ConfigSchedules(
      ScheduleClient schedules, ConfigStore configs, RunService runs, ScheduleLinks links) {
    this.schedules = schedules;
    this.configs = configs;
    this.runs = runs;
    this.links = links;
  }

  static String scheduleId(long configId) {
    return "sync-" + configId;
  }

  /**
   * Creates the config's schedule, or replaces it in place (its recent runs stay). A disabled
   * config's schedule is created paused.
   */
  public ScheduleView save(long configId, ScheduleSettings settings) {
    StoredConfig config = requireConfig(configId);
    boolean disabled = !config.config().enabled();
    ScheduleState state =
        ScheduleState.newBuilder()
            .setPaused(settings.paused() || disabled)
            .setNote(disabled ? DISABLED_NOTE : "")
            .build();
    Schedule schedule =
        Schedule.newBuilder()
            .setAction(action(config, settings.incremental()))
            .setSpec(spec(settings.timing()))
            .setPolicy(SchedulePolicy.newBuilder().setOverlap(settings.overlap().policy()).build())
            .setState(state)
            .build();
    String id = scheduleId(configId);
    try {
      schedules.createSchedule(id, schedule, ScheduleOptions.newBuilder().build());
    } catch (ScheduleAlreadyRunningException exists) {
      ScheduleHandle handle = schedules.getHandle(id);
      handle.update(input -> new ScheduleUpdate(schedule));
      // An update keeps the old paused state; set the one asked for.
      if (state.isPaused()) {
        handle.pause(
            state.getNote().isEmpty() ? "paused through the apisync API" : state.getNote());
      } else {
        handle.unpause("unpaused through the apisync API");
      }
    }
    String cron =
        settings.timing() instanceof ScheduleTiming.Cron given ? given.expression() : null;
    links.save(configId, new ScheduleLinks.Link(id, cron));
    return find(configId);
  }

  public ScheduleView find(long configId) {
    ScheduleDescription description = describe(configId);
    Schedule schedule = description.getSchedule();
    ScheduleSpec spec = schedule.getSpec();
    String cron = links.find(configId).map(ScheduleLinks.Link::cron).orElse(null);
    String every =
        cron == null && !spec.getIntervals().isEmpty()
            ? spec.getIntervals().getFirst().getEvery().toString()
            : null;
    ScheduleState state = schedule.getState();
    return new ScheduleView(
        configId,
        description.getId(),
        cron,
        cron == null ? null : spec.getTimeZoneName(),
        every,
        state.isPaused(),
        state.getNote() == null || state.getNote().isEmpty() ? null : state.getNote(),
        runInput(schedule).incremental(),
        Overlap.of(schedule.getPolicy().getOverlap()).apiName(),
        // Temporal lists the times a paused schedule would fire; none of them will.
        state.isPaused()
            ? List.of()
            : description.getInfo().getNextActionTimes().stream().limit(NEXT_RUNS).toList(),
        recentRuns(description));
  }

  public void delete(long configId) {
    handle(configId).delete();
    links.delete(configId);
  }

  public ScheduleView pause(long configId) {
    handle(configId).pause("paused through the apisync API");
    return find(configId);
  }

  public ScheduleView unpause(long configId) {
    if (!requireConfig(configId).config().enabled()) {
      throw disabled(configId);
    }
    handle(configId).unpause("unpaused through the apisync API");
    return find(configId);
  }

  /**
   * Starts a run now, even while the schedule is paused or a run is going, and answers its workflow
   * id once Temporal has started it (empty if that takes longer than a few seconds).
   */
  public Optional<String> trigger(long configId) {
    if (!requireConfig(configId).config().enabled()) {
      throw disabled(configId);
    }
    ScheduleHandle handle = handle(configId);
    Set<String> before = startedWorkflowIds(handle.describe());
    handle.trigger(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_ALLOW_ALL);
    // The schedule starts the run asynchronously and Temporal does not hand back its id.
    Instant deadline = Instant.now().plus(TRIGGER_WAIT);
    while (Instant.now().isBefore(deadline)) {
      Set<String> started = startedWorkflowIds(handle.describe());
      started.removeAll(before);
      if (!started.isEmpty()) {
        return Optional.of(started.iterator().next());
      }
      try {
        Thread.sleep(TRIGGER_POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return Optional.empty();
  }

  /**
   * Starts the runs the schedule would have started between {@code from} and {@code to}, one after
   * the other (each waits for the previous, whatever the schedule's overlap policy).
   */
  public void backfill(long configId, Instant from, Instant to) {
    handle(configId)
        .backfill(
            List.of(
                new ScheduleBackfill(
                    from, to, ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_BUFFER_ALL)));
  }

  /**
   * Keeps the schedule in step with its config: scheduled runs carry the config's current name and
   * model (summary, search attributes); disabling the config pauses the schedule, and enabling it
   * again unpauses a schedule that the disabling paused (not one a user paused).
   */
  public void configChanged(long configId) {
    Optional<StoredConfig> found = configs.find(configId);
    if (found.isEmpty() || links.find(configId).isEmpty() || !exists(configId)) {
      return;
    }
    StoredConfig config = found.get();
    ScheduleHandle handle = schedules.getHandle(scheduleId(configId));
    handle.update(
        input -> {
          Schedule current = input.getDescription().getSchedule();
          return new ScheduleUpdate(
              Schedule.newBuilder(current)
                  .setAction(action(config, runInput(current).incremental()))
                  .build());
        });
    ScheduleState state = handle.describe().getSchedule().getState();
    if (!config.config().enabled() && !state.isPaused()) {
      handle.pause(DISABLED_NOTE);
    } else if (config.config().enabled()
        && state.isPaused()
        && DISABLED_NOTE.equals(state.getNote())) {
      handle.unpause("unpaused because the sync config is enabled again");
    }
  }

  /** Deletes the config's schedule, if it has one. */
  public void configDeleted(long configId) {
    if (links.find(configId).isPresent() && exists(configId)) {
      schedules.getHandle(scheduleId(configId)).delete();
    }
    links.delete(configId);
  }

  private ScheduleActionStartWorkflow action(StoredConfig config, boolean incremental) {
    SyncRunInput input = SyncRunInput.of(config.id(), List.of(), Trigger.SCHEDULE, false);
    if (incremental) {
      input = input.incrementally();
    }
    return ScheduleActionStartWorkflow.newBuilder()
        .setWorkflowType(SyncRunWorkflow.class)
        .setArguments(input)
        .setOptions(
            SyncRunOptions.forRun(
                    config.snapshot(),
                    input,
                    WorkflowIds.forSchedule(config.id(), config.config().name()))
                // SDK 1.38 reads a schedule action's details back even when unset, and fails on
                // the empty value: always give some.
                .setStaticDetails("Started by the schedule " + scheduleId(config.id()))
                .build())
        .build();
  }

  private static ScheduleSpec spec(ScheduleTiming timing) {
    return switch (timing) {
      case ScheduleTiming.Cron cron ->
          ScheduleSpec.newBuilder()
              .setCronExpressions(List.of(cron.expression()))
              .setTimeZoneName(cron.zone().getId())
              .build();
      case ScheduleTiming.Every every ->
          ScheduleSpec.newBuilder()
              .setIntervals(List.of(new ScheduleIntervalSpec(every.interval())))
              .build();
    };
  }

  private static SyncRunInput runInput(Schedule schedule) {
    return ((ScheduleActionStartWorkflow) schedule.getAction())
        .getArguments()
        .get(0, SyncRunInput.class);
  }

  private List<ScheduleView.ScheduledRun> recentRuns(ScheduleDescription description) {
    List<ScheduleActionResult> recent = new ArrayList<>(description.getInfo().getRecentActions());
    recent.sort((a, b) -> b.getScheduledAt().compareTo(a.getScheduledAt()));
    Map<String, RunStatus> statuses =
        runs.statuses(recent.stream().map(result -> workflowId(result.getAction())).toList());
    return recent.stream()
        .map(
            result -> {
              String workflowId = workflowId(result.getAction());
              // Just started runs may not be in the visibility store yet.
              RunStatus status = statuses.getOrDefault(workflowId, RunStatus.RUNNING);
              return new ScheduleView.ScheduledRun(
                  workflowId, result.getScheduledAt(), result.getStartedAt(), status.name());
            })
        .toList();
  }

  private static Set<String> startedWorkflowIds(ScheduleDescription description) {
    Set<String> ids = new HashSet<>();
    Stream.concat(
            description.getInfo().getRecentActions().stream().map(ScheduleActionResult::getAction),
            description.getInfo().getRunningActions().stream())
        .forEach(action -> ids.add(workflowId(action)));
    return ids;
  }

  private static String workflowId(ScheduleActionExecution action) {
    return ((ScheduleActionExecutionStartWorkflow) action).getWorkflowId();
  }

  private StoredConfig requireConfig(long configId) {
    return configs.find(configId).orElseThrow(() -> new ConfigNotFoundException(configId));
  }

  private ScheduleHandle handle(long configId) {
    describe(configId);
    return schedules.getHandle(scheduleId(configId));
  }

  private ScheduleDescription describe(long configId) {
    requireConfig(configId);
    if (links.find(configId).isEmpty()) {
      throw new ScheduleNotFoundException(configId);
    }
    try {
      return schedules.getHandle(scheduleId(configId)).describe();
    } catch (RuntimeException e) {
      if (isNotFound(e)) {
        throw new ScheduleNotFoundException(configId);
      }
      throw e;
    }
  }

  private boolean exists(long configId) {
    try {
      schedules.getHandle(scheduleId(configId)).describe();
      return true;
    } catch (RuntimeException e) {
      if (isNotFound(e)) {
        return false;
      }
      throw e;
    }
  }

  private static boolean isNotFound(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof StatusRuntimeException status
          && status.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return true;
      }
    }
    return false;
  }

  private static ScheduleConflictException disabled(long configId) {
    return new ScheduleConflictException(
        "Sync config disabled",
        "sync config " + configId + " is disabled: enable it to run its schedule");
  }
}
