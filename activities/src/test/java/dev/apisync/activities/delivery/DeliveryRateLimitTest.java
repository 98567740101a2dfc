package dev.apisync.activities.delivery;

import static dev.apisync.activities.delivery.TestTargets.config;
import static dev.apisync.activities.delivery.TestTargets.noAuth;
import static dev.apisync.activities.delivery.TestTargets.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apisync.activities.testing.TestEgress;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.FailureTypes;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.RetrySettings;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.OffsetDateTime;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class DeliveryRateLimitTest {

  private static final String RECORD = "{\"id\":7}";

  @StartStop private final MockWebServer server = new MockWebServer();
  @AutoClose private final TargetClients clients = new TargetClients(TestEgress.loopbackAllowed());
  private final DeliveryActivitiesImpl delivery = TestTargets.delivery(noAuth(), clients);
  private final JdbcClient jdbc = JdbcClient.create(TestTargets.apisyncDatabase());

  @Test
  void rateLimitedDeliveryTakesTheNextSlotOfItsTargetsOrigin() {
    server.enqueue(new MockResponse.Builder().code(200).build());
    OffsetDateTime before = jdbc.sql("SELECT now()").query(OffsetDateTime.class).single();

    delivery.deliver(single(limitedTo(4), 7, RECORD));

    assertThat(server.getRequestCount()).isEqualTo(1);
    // The slot taken was at or after `before`; the next one is a quarter of a second later.
    OffsetDateTime next = nextSlot();
    assertThat(Duration.between(before, next)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
  }

  @Test
  void slotFurtherAwayThanTheAttemptMayWaitFailsRetryablyWithTheWaitAsDelayAndSendsNothing() {
    jdbc.sql(
            "INSERT INTO rate_limit_slot (origin, next_slot) VALUES (?, now() + interval '1 hour')")
        .param(origin())
        .update();

    assertThatThrownBy(() -> delivery.deliver(single(limitedTo(10), 7, RECORD)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(FailureTypes.RATE_LIMITED);
              assertThat(failure.isNonRetryable()).isFalse();
              assertThat(failure.getNextRetryDelay())
                  .isBetween(Duration.ofMinutes(59), Duration.ofMinutes(60));
            });
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void withoutRateLimitNoSlotIsTaken() {
    server.enqueue(new MockResponse.Builder().code(200).build());

    delivery.deliver(single(config(server.url("/p").toString(), HttpMethod.POST), 7, RECORD));

    Integer rows =
        jdbc.sql("SELECT count(*) FROM rate_limit_slot WHERE origin = ?")
            .param(origin())
            .query(Integer.class)
            .single();
    assertThat(rows).isZero();
  }

  private ConfigSnapshot limitedTo(double requestsPerSecond) {
    return config(
        server.url("/p").toString(), HttpMethod.POST, 5, RetrySettings.DEFAULTS, requestsPerSecond);
  }

  private String origin() {
    return TargetRateLimiter.origin(server.url("/"));
  }

  private OffsetDateTime nextSlot() {
    return jdbc.sql("SELECT next_slot FROM rate_limit_slot WHERE origin = ?")
        .param(origin())
        .query(OffsetDateTime.class)
        .single();
  }
}
