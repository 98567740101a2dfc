package dev.apisync.api.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.apisync.api.InvalidParameterException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleRequestTest {

  @Test
  void cronWithZoneParsesWithTheDefaults() {
    ScheduleSettings settings =
        new ScheduleRequest("0 * * * *", "Europe/Kyiv", null, null, null, null).parse();

    assertThat(settings.timing())
        .isEqualTo(new ScheduleTiming.Cron("0 * * * *", ZoneId.of("Europe/Kyiv")));
    assertThat(settings.paused()).isFalse();
    assertThat(settings.incremental()).isFalse();
    assertThat(settings.overlap()).isEqualTo(Overlap.SKIP);
  }

  @Test
  void cronWithoutZoneRunsInUtcAndMacrosAreAccepted() {
    assertThat(new ScheduleRequest("@hourly", null, null, null, null, null).parse().timing())
        .isEqualTo(new ScheduleTiming.Cron("@hourly", ZoneId.of("UTC")));
  }

  @Test
  void everyParsesAnIsoDurationWithItsOptions() {
    ScheduleSettings settings =
        new ScheduleRequest(null, null, "PT15M", true, true, "bufferOne").parse();

    assertThat(settings.timing()).isEqualTo(new ScheduleTiming.Every(Duration.ofMinutes(15)));
    assertThat(settings.paused()).isTrue();
    assertThat(settings.incremental()).isTrue();
    assertThat(settings.overlap()).isEqualTo(Overlap.BUFFER_ONE);
  }

  @Test
  void rejectsCronWithFourFieldsOrOutOfRangeValues() {
    assertThat(errors(new ScheduleRequest("0 * * *", null, null, null, null, null)))
        .containsOnlyKeys("cron");
    assertThat(errors(new ScheduleRequest("61 * * * *", null, null, null, null, null)))
        .containsOnlyKeys("cron");
  }

  @Test
  void rejectsAnUnknownOrOffsetZone() {
    assertThat(errors(new ScheduleRequest("0 * * * *", "Mars/Olympus", null, null, null, null)))
        .containsOnlyKeys("timeZone");
    assertThat(errors(new ScheduleRequest("0 * * * *", "+02:00", null, null, null, null)))
        .containsOnlyKeys("timeZone");
  }

  @Test
  void rejectsBothOrNeitherTiming() {
    assertThat(errors(new ScheduleRequest(null, null, null, null, null, null)))
        .containsOnlyKeys("cron");
    assertThat(errors(new ScheduleRequest("0 * * * *", null, "PT1H", null, null, null)))
        .containsOnlyKeys("every");
  }

  @Test
  void rejectsAMalformedOrSubSecondIntervalAndAZoneWithIt() {
    assertThat(errors(new ScheduleRequest(null, null, "15 minutes", null, null, null)))
        .containsOnlyKeys("every");
    assertThat(errors(new ScheduleRequest(null, null, "PT0.5S", null, null, null)))
        .containsOnlyKeys("every");
    assertThat(errors(new ScheduleRequest(null, "UTC", "PT1H", null, null, null)))
        .containsOnlyKeys("timeZone");
  }

  @Test
  void reportsEveryBrokenFieldAtOnce() {
    assertThat(errors(new ScheduleRequest("0 * *", "Nowhere", null, null, null, "sometimes")))
        .containsOnlyKeys("cron", "timeZone", "overlap");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> errors(ScheduleRequest request) {
    InvalidParameterException e =
        catchThrowableOfType(InvalidParameterException.class, request::parse);
    assertThat(e).as("refused").isNotNull();
    List<Map<String, String>> errors =
        (List<Map<String, String>>) e.getBody().getProperties().get("errors");
    return errors.stream()
        .collect(
            java.util.stream.Collectors.toMap(
                error -> error.get("field"), error -> error.get("message"), (a, b) -> a));
  }
}
