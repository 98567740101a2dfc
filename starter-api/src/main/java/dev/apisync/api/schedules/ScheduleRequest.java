package dev.apisync.api.schedules;

import dev.apisync.activities.config.FieldError;
import dev.apisync.api.InvalidParameterException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Body of {@code POST /api/configs/{id}/schedule}: {@code {cron, timeZone}} or {@code {every}}
 * (ISO-8601 duration), plus {@code paused}, {@code incremental} and {@code overlap}.
 */
public record ScheduleRequest(
    String cron,
    String timeZone,
    String every,
    Boolean paused,
    Boolean incremental,
    String overlap) {

  /** Temporal fires at most once a second; a shorter interval is a mistake. */
  static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

  /** Every broken rule at once, each naming its field. */
  public ScheduleSettings parse() {
    List<FieldError> errors = new ArrayList<>();
    ScheduleTiming timing = timing(errors);
    Overlap policy = Overlap.SKIP;
    if (overlap != null) {
      Optional<Overlap> known = Overlap.ofApiName(overlap);
      if (known.isEmpty()) {
        errors.add(new FieldError("overlap", "must be one of skip, bufferOne, allowAll"));
      } else {
        policy = known.get();
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidParameterException(errors);
    }
    return new ScheduleSettings(
        timing, Boolean.TRUE.equals(paused), Boolean.TRUE.equals(incremental), policy);
  }

  private ScheduleTiming timing(List<FieldError> errors) {
    boolean hasCron = cron != null && !cron.isBlank();
    boolean hasEvery = every != null && !every.isBlank();
    if (hasCron == hasEvery) {
      errors.add(
          new FieldError(
              hasCron ? "every" : "cron",
              "give exactly one of cron (with an optional timeZone) or every"));
      return null;
    }
    if (hasEvery) {
      if (timeZone != null) {
        errors.add(new FieldError("timeZone", "applies to cron only"));
      }
      return every(errors);
    }
    Optional<String> cronProblem = CronExpressions.problem(cron);
    cronProblem.ifPresent(problem -> errors.add(new FieldError("cron", problem)));
    ZoneId zone = zone(errors);
    return cronProblem.isEmpty() && zone != null
        ? new ScheduleTiming.Cron(cron.trim(), zone)
        : null;
  }

  private ScheduleTiming every(List<FieldError> errors) {
    try {
      Duration interval = Duration.parse(every.trim());
      if (interval.compareTo(MIN_INTERVAL) < 0) {
        errors.add(new FieldError("every", "must be at least 1 second (PT1S)"));
        return null;
      }
      return new ScheduleTiming.Every(interval);
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError("every", "must be an ISO-8601 duration such as PT15M, PT1H or P1D"));
      return null;
    }
  }

  private ZoneId zone(List<FieldError> errors) {
    if (timeZone == null || timeZone.isBlank()) {
      return ZoneId.of("UTC");
    }
    // IANA region ids only (Europe/Kyiv, UTC): what Temporal's tz database knows, unlike "+02:00".
    if (!ZoneId.getAvailableZoneIds().contains(timeZone.trim())) {
      errors.add(
          new FieldError(
              "timeZone", "must be an IANA time zone such as Europe/Kyiv or UTC; got " + timeZone));
      return null;
    }
    return ZoneId.of(timeZone.trim());
  }
}
