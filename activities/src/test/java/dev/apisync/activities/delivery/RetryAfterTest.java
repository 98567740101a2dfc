package dev.apisync.activities.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-10-21T07:27:30Z");

  @Test
  void deltaSecondsAreTheWait() {
    assertThat(RetryAfter.parse("2", NOW)).contains(Duration.ofSeconds(2));
    assertThat(RetryAfter.parse(" 120 ", NOW)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse("0", NOW)).contains(Duration.ZERO);
  }

  @Test
  void imfFixdateIsMeasuredFromNow() {
    assertThat(RetryAfter.parse("Wed, 21 Oct 2026 07:28:00 GMT", NOW))
        .contains(Duration.ofSeconds(30));
  }

  @Test
  void obsoleteRfc850AndAsctimeDatesAreAccepted() {
    assertThat(RetryAfter.parse("Wednesday, 21-Oct-26 07:29:30 GMT", NOW))
        .contains(Duration.ofMinutes(2));
    assertThat(RetryAfter.parse("Wed Oct 21 07:27:40 2026", NOW)).contains(Duration.ofSeconds(10));
    assertThat(RetryAfter.parse("Sun Nov  6 08:49:37 1994", NOW)).contains(Duration.ZERO);
  }

  @Test
  void dateInThePastMeansNoWait() {
    assertThat(RetryAfter.parse("Tue, 20 Oct 2026 07:28:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void hugeDeltaIsCappedInsteadOfOverflowing() {
    assertThat(RetryAfter.parse("99999999999999999999999", NOW)).contains(Duration.ofDays(365));
  }

  @Test
  void anythingElseIsIgnored() {
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("2026-10-21T07:28:00Z", NOW)).isEmpty();
  }
}
