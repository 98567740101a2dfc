package dev.apisync.activities.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class TargetRateLimiterTest {

  private static final Duration LONG_ENOUGH = Duration.ofMinutes(1);

  private final TargetRateLimiter limiter = new TargetRateLimiter(TestTargets.apisyncDatabase());

  @Test
  void twentyReservationsAtTenPerSecondFromTwoThreadsGetSlotsATenthOfASecondApart()
      throws Exception {
    String origin = "https://two-threads.example:443";
    Callable<List<RateLimitSlot>> tenReservations =
        () ->
            IntStream.range(0, 10).mapToObj(i -> limiter.reserve(origin, 10, LONG_ENOUGH)).toList();

    List<RateLimitSlot> slots = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
      List<Future<List<RateLimitSlot>>> both =
          threads.invokeAll(List.of(tenReservations, tenReservations));
      for (Future<List<RateLimitSlot>> one : both) {
        slots.addAll(one.get());
      }
    }

    assertThat(slots).hasSize(20).allMatch(RateLimitSlot::reserved);
    List<Instant> times = slots.stream().map(RateLimitSlot::at).sorted().toList();
    for (int i = 1; i < times.size(); i++) {
      assertThat(Duration.between(times.get(i - 1), times.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }
    assertThat(Duration.between(times.getFirst(), times.getLast()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
  }

  @Test
  void firstRequestToAnOriginMayGoAtOnce() {
    RateLimitSlot slot = limiter.reserve("https://first.example:443", 2, Duration.ZERO);

    assertThat(slot.reserved()).isTrue();
    assertThat(slot.delay()).isZero();
  }

  @Test
  void slotFurtherThanTheCallerCanWaitIsNotTaken() {
    String origin = "https://busy.example:443";
    JdbcClient.create(TestTargets.apisyncDatabase())
        .sql(
            "INSERT INTO rate_limit_slot (origin, next_slot) VALUES (?, now() + interval '1 hour')")
        .param(origin)
        .update();

    RateLimitSlot refused = limiter.reserve(origin, 10, Duration.ofSeconds(10));
    RateLimitSlot again = limiter.reserve(origin, 10, Duration.ofSeconds(10));

    assertThat(refused.reserved()).isFalse();
    assertThat(refused.delay()).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(60));
    // Refusing took nothing: the next caller sees the same free slot.
    assertThat(again.at()).isEqualTo(refused.at());
  }

  @Test
  void originsAreLimitedIndependently() {
    limiter.reserve("https://a.example:443", 0.1, LONG_ENOUGH);

    RateLimitSlot other = limiter.reserve("https://b.example:443", 0.1, Duration.ZERO);

    assertThat(other.reserved()).isTrue();
    assertThat(other.delay()).isZero();
  }

  @Test
  void originIsSchemeHostAndPortWithoutPathOrQuery() {
    assertThat(TargetRateLimiter.origin(HttpUrl.get("https://Api.Example.com/v1/p?x=1")))
        .isEqualTo("https://api.example.com:443");
    assertThat(TargetRateLimiter.origin(HttpUrl.get("http://127.0.0.1:8090/crm")))
        .isEqualTo("http://127.0.0.1:8090");
  }
}
