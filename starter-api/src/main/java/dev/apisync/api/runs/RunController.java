package dev.apisync.api.runs;

import dev.apisync.activities.config.FieldError;
import dev.apisync.api.EmptyJsonBody;
import dev.apisync.api.InvalidParameterException;
import dev.apisync.workflows.RunStatus;
import dev.apisync.workflows.Trigger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sync runs (SPEC §6, §10): start one, read its status, progress and result. */
@RestController
@Tag(
    name = "Sync runs",
    description =
        "Each run is a durable Temporal workflow; its id (sync-<config>-<UTC time>) finds it in"
            + " the Temporal Web UI and with `temporal workflow describe -w <id>`.")
public class RunController {

  /** Long enough for a small run, short enough for proxies' idle timeouts. */
  private static final int MAX_WAIT_SECONDS = 60;

  private static final int MAX_LIST = 500;

  private final RunService runs;

  RunController(RunService runs) {
    this.runs = runs;
  }

  @PostMapping(path = "/api/configs/{id}/runs", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      operationId = "startRun",
      summary = "Start a run of a sync config",
      description =
          "Without recordIds the run sends every record the config's domain selects; with them,"
              + " only those (ids the domain does not select are reported as skipped). A dry run"
              + " builds the requests and shows the first ones in its result, sending nothing.")
  public RunStarted start(
      @PathVariable long id, @RequestBody(required = false) StartRunRequest body) {
    StartRunRequest request = body == null ? new StartRunRequest(null, null) : body;
    if (!request.errors().isEmpty()) {
      throw new InvalidParameterException(request.errors());
    }
    return runs.start(id, request.recordIdsOrAll(), request.isDryRun(), Trigger.MANUAL);
  }

  @GetMapping("/api/runs")
  @Operation(
      operationId = "listRuns",
      summary = "Runs from Temporal's visibility store, running first, then newest closed",
      description =
          "Filters are a visibility query over apisync's search attributes (ApiSyncConfigId,"
              + " ApiSyncTrigger) and ExecutionStatus; the same query finds the runs in the"
              + " Temporal Web UI. Runs past Temporal's retention are not listed; GET"
              + " /api/runs/{workflowId} still answers for them from apisync's runs table.")
  public RunList list(
      @RequestParam(defaultValue = "0") long configId,
      @Parameter(description = "MANUAL, SCHEDULE, EVENT or WEBHOOK")
          @RequestParam(defaultValue = "")
          String trigger,
      @Parameter(description = "RUNNING, COMPLETED, FAILED, CANCELED or TERMINATED")
          @RequestParam(defaultValue = "")
          String status,
      @Parameter(description = "The previous page's nextPageToken") @RequestParam(defaultValue = "")
          String pageToken,
      @RequestParam(defaultValue = "50") int limit) {
    List<FieldError> errors = new ArrayList<>();
    Optional<Trigger> triggerFilter =
        parse(trigger, Trigger.class, "trigger", "MANUAL, SCHEDULE, EVENT, WEBHOOK", errors);
    Optional<RunStatus> statusFilter =
        parse(
            status,
            RunStatus.class,
            "status",
            "RUNNING, COMPLETED, FAILED, CANCELED, TERMINATED",
            errors);
    if (configId < 0) {
      errors.add(new FieldError("configId", "must be a config id"));
    }
    if (limit < 1 || limit > MAX_LIST) {
      errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIST));
    }
    if (!errors.isEmpty()) {
      throw new InvalidParameterException(errors);
    }
    return runs.list(new RunFilter(configId, triggerFilter, statusFilter), limit, pageToken);
  }

  private static <E extends Enum<E>> Optional<E> parse(
      String value, Class<E> type, String parameter, String allowed, List<FieldError> errors) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, value));
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(parameter, "must be one of " + allowed));
      return Optional.empty();
    }
  }

  @PostMapping(path = "/api/runs/{workflowId}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
  @EmptyJsonBody
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      operationId = "cancelRun",
      summary = "Cancel a run: requests in flight finish, no new ones start, the counts are kept")
  public void cancel(@PathVariable String workflowId) {
    runs.cancel(workflowId);
  }

  @PostMapping(
      path = "/api/runs/{workflowId}/terminate",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @EmptyJsonBody
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(operationId = "terminateRun", summary = "Terminate a run at once")
  public void terminate(@PathVariable String workflowId) {
    runs.terminate(workflowId);
  }

  @PostMapping(path = "/api/runs/{workflowId}/retry", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      operationId = "retryRun",
      summary = "Start the run's input again as a new run",
      description =
          "A run that stopped part way (failed, canceled or terminated) is continued after the"
              + " last record it finished (resumedAfterId in the answer), so nothing it delivered"
              + " is sent again; {\"fromStart\": true} sends everything again. A completed run"
              + " starts over.")
  public RunStarted retry(
      @PathVariable String workflowId, @RequestBody(required = false) RetryRunRequest body) {
    return runs.retry(workflowId, body != null && body.isFromStart());
  }

  @PostMapping(
      path = "/api/runs/{workflowId}/retry-failed",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @EmptyJsonBody
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      operationId = "retryFailedRecords",
      summary = "Start a new run for only the records this run failed")
  public RunStarted retryFailed(@PathVariable String workflowId) {
    return runs.retryFailed(workflowId);
  }

  @GetMapping("/api/runs/{workflowId}")
  @Operation(
      operationId = "getRun",
      summary = "A run's status, progress and, once closed, its result or error")
  public RunView get(
      @PathVariable String workflowId,
      @Parameter(description = "Wait up to this many seconds (max 60) for the run to close")
          @RequestParam(defaultValue = "0")
          int waitSeconds) {
    int seconds = Math.clamp(waitSeconds, 0, MAX_WAIT_SECONDS);
    return runs.find(workflowId, Duration.ofSeconds(seconds));
  }
}
