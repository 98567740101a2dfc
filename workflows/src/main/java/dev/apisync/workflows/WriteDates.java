package dev.apisync.workflows;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The one text form of a source {@code write_date} in workflow data and the watermark API: ISO-8601
 * local date-time with microseconds ({@code 2026-11-29T13:05:00.123456}), PostgreSQL's precision.
 * The fixed width makes text order equal time order, so workflow code compares without parsing.
 */
public final class WriteDates {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

  private WriteDates() {}

  public static String format(LocalDateTime value) {
    return FORMAT.format(value);
  }

  public static LocalDateTime parse(String value) {
    return LocalDateTime.parse(value);
  }

  /** The later of two formatted dates; empty counts as earliest. */
  public static String later(String a, String b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
