package dev.apisync.api.schedules;

import java.util.Optional;
import java.util.Set;
import org.springframework.scheduling.support.CronExpression;

/**
 * Checks a cron expression before it reaches Temporal, so a typo is a 400 naming {@code cron}
 * rather than a server error after half the work. Temporal takes the classic five fields or a
 * macro; Spring's parser (six fields, seconds first) checks the fields' syntax and ranges.
 */
final class CronExpressions {

  private static final Set<String> MACROS =
      Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");

  private CronExpressions() {}

  /** Why {@code expression} is not a cron Temporal accepts, or empty when it is. */
  static Optional<String> problem(String expression) {
    String trimmed = expression.trim();
    if (MACROS.contains(trimmed)) {
      return Optional.empty();
    }
    String[] fields = trimmed.split("\\s+");
    if (fields.length != 5) {
      return Optional.of(
          "must have five fields (minute hour day-of-month month day-of-week), e.g. '0 * * * *',"
              + " or be one of "
              + String.join(", ", MACROS.stream().sorted().toList())
              + "; got "
              + fields.length
              + " field(s)");
    }
    try {
      CronExpression.parse("0 " + trimmed);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of("is not a valid cron expression: " + e.getMessage());
    }
  }
}
