package dev.apisync.activities.delivery;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Retry-After} response header (RFC 9110 §10.2.3): how long a target asks us to wait, as
 * delta-seconds ({@code 120}) or an HTTP-date ({@code Wed, 21 Oct 2026 07:28:00 GMT}; the obsolete
 * RFC 850 and asctime forms too, as recipients must accept them).
 */
final class RetryAfter {

  /** Beyond any retry policy's interval; keeps absurd values from overflowing. */
  private static final long MAX_SECONDS = Duration.ofDays(365).toSeconds();

  private static final List<DateTimeFormatter> HTTP_DATES =
      List.of(
          DateTimeFormatter.RFC_1123_DATE_TIME,
          // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
          new DateTimeFormatterBuilder()
              .appendPattern("EEEE, dd-MMM-")
              .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
              .appendPattern(" HH:mm:ss 'GMT'")
              .toFormatter(Locale.US)
              .withZone(ZoneOffset.UTC),
          // asctime: Sun Nov  6 08:49:37 1994
          new DateTimeFormatterBuilder()
              .appendPattern("EEE MMM ")
              .padNext(2)
              .appendValue(ChronoField.DAY_OF_MONTH)
              .appendPattern(" HH:mm:ss yyyy")
              .toFormatter(Locale.US)
              .withZone(ZoneOffset.UTC));

  private RetryAfter() {}

  /**
   * The wait the header asks for, measured from {@code now}; zero for a date in the past, empty
   * when the value is neither form.
   */
  static Optional<Duration> parse(String value, Instant now) {
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    if (trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.of(Duration.ofSeconds(seconds(trimmed)));
    }
    for (DateTimeFormatter format : HTTP_DATES) {
      try {
        Instant at = ZonedDateTime.parse(trimmed, format).toInstant();
        Duration wait = Duration.between(now, at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeException e) {
        // try the next form
      }
    }
    return Optional.empty();
  }

  private static long seconds(String digits) {
    // More digits than a long holds is still "very long".
    if (digits.length() > 12) {
      return MAX_SECONDS;
    }
    return Math.min(Long.parseLong(digits), MAX_SECONDS);
  }
}
