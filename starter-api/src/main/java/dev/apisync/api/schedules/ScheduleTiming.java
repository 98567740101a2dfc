package dev.apisync.api.schedules;

import java.time.Duration;
import java.time.ZoneId;

/** When a schedule fires: a cron expression in a time zone, or a fixed interval. */
public sealed interface ScheduleTiming {

  /**
   * @param expression five fields (minute hour day-of-month month day-of-week) or a macro such as
   *     {@code @hourly}, as Temporal reads it
   */
  record Cron(String expression, ZoneId zone) implements ScheduleTiming {}

  record Every(Duration interval) implements ScheduleTiming {}
}
