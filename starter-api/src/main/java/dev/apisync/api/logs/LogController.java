package dev.apisync.api.logs;

import dev.apisync.activities.config.FieldError;
import dev.apisync.activities.requestlog.AttemptOutcome;
import dev.apisync.activities.requestlog.RequestLog;
import dev.apisync.activities.requestlog.RequestLogFilter;
import dev.apisync.api.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The request log (SPEC §7, §10): every HTTP attempt of every run, newest first. */
@RestController
@Tag(
    name = "Request log",
    description =
        "One row per HTTP attempt a run made: method, URL, headers and bodies (secrets masked,"
            + " request bodies cut at 64 KiB, answers at apisync.logs.response-bytes, default 4"
            + " KiB), status, duration and outcome. Rows are kept for"
            + " apisync.logs.retention (default 30 days), longer than Temporal keeps runs.")
public class LogController {

  private final RequestLog requestLog;

  LogController(RequestLog requestLog) {
    this.requestLog = requestLog;
  }

  @GetMapping("/api/logs")
  @Operation(
      operationId = "listRequestLog",
      summary = "Request log rows, newest first",
      description =
          "Filters combine. Paging is by id: pass the answer's nextBefore as `before` for the next"
              + " (older) page; rows written meanwhile never shift a page.")
  @ApiResponse(responseCode = "200", description = "A page of rows")
  @ApiResponse(
      responseCode = "400",
      description = "A parameter breaks its rule: `errors` lists each as {field, message}")
  public LogPageView list(
      @Parameter(description = "Only this run's rows (its workflow id)")
          @RequestParam(required = false)
          String workflowId,
      @Parameter(description = "Only this config's rows") @RequestParam(required = false)
          String configId,
      @Parameter(
              description =
                  "Only these outcomes: SENT, RETRYING, FAILED, ERROR (repeat or comma-separate)")
          @RequestParam(required = false)
          List<String> outcome,
      @Parameter(description = "Only requests that carried this record id")
          @RequestParam(required = false)
          String recordId,
      @Parameter(
              description =
                  "Only rows written at or after this instant (ISO-8601, e.g."
                      + " 2026-12-03T10:00:00Z)")
          @RequestParam(required = false)
          String from,
      @Parameter(description = "Only rows written before this instant (ISO-8601)")
          @RequestParam(required = false)
          String to,
      @Parameter(description = "Rows per page, 1 to 500 (default 50)")
          @RequestParam(required = false)
          String limit,
      @Parameter(description = "Only rows with a smaller id: the previous page's nextBefore")
          @RequestParam(required = false)
          String before) {
    List<FieldError> errors = new ArrayList<>();
    long config = positive("configId", configId, errors);
    long beforeId = positive("before", before, errors);
    long record = positive("recordId", recordId, errors);
    Instant fromInstant = instant("from", from, errors);
    Instant toInstant = instant("to", to, errors);
    int pageSize = pageSize(limit, errors);
    Set<AttemptOutcome> outcomes = outcomes(outcome, errors);
    if (!errors.isEmpty()) {
      throw new InvalidParameterException(errors);
    }
    String workflow = workflowId == null ? "" : workflowId.strip();
    return LogPageView.of(
        requestLog.find(
            new RequestLogFilter(
                workflow, config, outcomes, record, fromInstant, toInstant, beforeId, pageSize)));
  }

  /** 0 when absent. */
  private static long positive(String name, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      long number = Long.parseLong(value.strip());
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(new FieldError(name, "expected a positive whole number, got '" + value + "'"));
    return 0;
  }

  /** Null when absent. */
  private static Instant instant(String name, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(
              name,
              "expected an ISO-8601 instant such as 2026-12-03T10:00:00Z, got '" + value + "'"));
      return null;
    }
  }

  private static int pageSize(String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return RequestLogFilter.DEFAULT_LIMIT;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number >= 1 && number <= RequestLogFilter.MAX_LIMIT) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(
        new FieldError(
            "limit",
            "expected a whole number from 1 to "
                + RequestLogFilter.MAX_LIMIT
                + ", got '"
                + value
                + "'"));
    return RequestLogFilter.DEFAULT_LIMIT;
  }

  private static Set<AttemptOutcome> outcomes(List<String> values, List<FieldError> errors) {
    Set<AttemptOutcome> outcomes = EnumSet.noneOf(AttemptOutcome.class);
    if (values == null) {
      return outcomes;
    }
    for (String value : values) {
      for (String one : value.split(",")) {
        if (one.isBlank()) {
          continue;
        }
        try {
          outcomes.add(AttemptOutcome.valueOf(one.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          errors.add(
              new FieldError(
                  "outcome",
                  "expected one of SENT, RETRYING, FAILED, ERROR, got '" + one.strip() + "'"));
        }
      }
    }
    return outcomes;
  }
}
