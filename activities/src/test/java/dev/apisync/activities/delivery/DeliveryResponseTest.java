package dev.apisync.activities.delivery;

import static dev.apisync.activities.delivery.TestTargets.config;
import static dev.apisync.activities.delivery.TestTargets.noAuth;
import static dev.apisync.activities.delivery.TestTargets.single;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apisync.activities.requestlog.LoggedText;
import dev.apisync.activities.requestlog.RequestLog;
import dev.apisync.activities.testing.TestEgress;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.DeliveryResult;
import dev.apisync.workflows.FailureDetails;
import dev.apisync.workflows.FailureTypes;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.RetrySettings;
import io.temporal.failure.ApplicationFailure;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.NoSuchElementException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class DeliveryResponseTest {

  private static final String RECORD = "{\"id\":7}";

  @StartStop private final MockWebServer server = new MockWebServer();
  @AutoClose private final TargetClients clients = new TargetClients(TestEgress.loopbackAllowed());
  private final DeliveryActivitiesImpl delivery = TestTargets.delivery(noAuth(), clients);

  @Test
  void createdMarksTheRecordSent() {
    server.enqueue(new MockResponse.Builder().code(201).body("{\"id\":\"crm-1\"}").build());

    DeliveryResult result = delivery.deliver(single(post(), 7, RECORD));

    assertThat(result.sent()).containsExactly(7L);
    assertThat(result.failures()).isEmpty();
    assertThat(result.status()).isEqualTo(201);
  }

  @Test
  void badRequestFailsForGoodWithStatusAndBodyExcerpt() {
    String body = "{\"error\":\"email is invalid\"}" + "x".repeat(400);
    server.enqueue(
        new MockResponse.Builder().status("HTTP/1.1 400 Bad Request").body(body).build());

    assertThatThrownBy(() -> delivery.deliver(single(post(), 7, RECORD)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getType()).isEqualTo(FailureTypes.PERMANENT_HTTP);
              assertThat(failure.getOriginalMessage())
                  .isEqualTo("HTTP 400 Bad Request: " + body.substring(0, 300));
              assertThat(FailureDetails.of(failure).status()).isEqualTo(400);
            });
  }

  @Test
  void unauthorizedFailsForGoodWithTheStatusInItsDetails() {
    server.enqueue(new MockResponse.Builder().code(401).body("token expired").build());

    assertThatThrownBy(() -> delivery.deliver(single(post(), 7, RECORD)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getType()).isEqualTo(FailureTypes.PERMANENT_HTTP);
              assertThat(failure.getOriginalMessage())
                  .startsWith("HTTP 401 ")
                  .endsWith(": token expired");
              assertThat(FailureDetails.of(failure).status()).isEqualTo(401);
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void redirectIsNotFollowedAndFailsForGoodNamingItsTarget() {
    server.enqueue(
        new MockResponse.Builder()
            .status("HTTP/1.1 301 Moved Permanently")
            .addHeader("Location", "https://new.example/p")
            .build());

    assertThatThrownBy(() -> delivery.deliver(single(post(), 7, RECORD)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getType()).isEqualTo(FailureTypes.PERMANENT_HTTP);
              assertThat(failure.getOriginalMessage())
                  .isEqualTo("HTTP 301 Moved Permanently (Location: https://new.example/p)");
              assertThat(FailureDetails.of(failure).status()).isEqualTo(301);
            });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void serviceUnavailableThrowsARetryableFailureNamingTheStatus() {
    server.enqueue(
        new MockResponse.Builder()
            .status("HTTP/1.1 503 Service Unavailable")
            .body("down for maintenance")
            .build());

    assertThatThrownBy(() -> delivery.deliver(single(post(), 7, RECORD)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.isNonRetryable()).isFalse();
              assertThat(failure.getType()).isEqualTo(FailureTypes.RETRYABLE_HTTP);
              assertThat(failure.getOriginalMessage())
                  .isEqualTo("HTTP 503 Service Unavailable: down for maintenance");
              assertThat(FailureDetails.of(failure).status()).isEqualTo(503);
              assertThat(failure.getNextRetryDelay()).isNull();
            });
  }

  @Test
  void answerWithoutReasonPhraseGetsTheStandardOne() {
    server.enqueue(new MockResponse.Builder().status("HTTP/1.1 502 ").build());

    assertThatThrownBy(() -> delivery.deliver(single(post(), 7, RECORD)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> assertThat(failure.getOriginalMessage()).isEqualTo("HTTP 502 Bad Gateway"));
  }

  @Test
  void tooManyRequestsWithRetryAfterSecondsSetsTheNextRetryDelay() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());

    assertThatThrownBy(() -> delivery.deliver(single(post(), 7, RECORD)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.isNonRetryable()).isFalse();
              assertThat(failure.getType()).isEqualTo(FailureTypes.RETRYABLE_HTTP);
              assertThat(failure.getOriginalMessage()).startsWith("HTTP 429");
              assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(2));
            });
  }

  @Test
  void retryAfterAsHttpDateIsMeasuredFromNow() {
    Clock clock = Clock.fixed(Instant.parse("2026-10-21T07:27:30Z"), ZoneOffset.UTC);
    DeliveryActivitiesImpl atFixedTime =
        new DeliveryActivitiesImpl(
            noAuth(),
            clients,
            new RequestLog(TestTargets.apisyncDatabase()),
            new TargetRateLimiter(TestTargets.apisyncDatabase()),
            TestTargets.circuit(TestTargets.apisyncDatabase()),
            LoggedText.DEFAULT_RESPONSE_BYTES,
            clock);
    server.enqueue(
        new MockResponse.Builder()
            .code(503)
            .addHeader("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT")
            .build());

    assertThatThrownBy(() -> atFixedTime.deliver(single(post(), 7, RECORD)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(30)));
  }

  @Test
  void retryAfterBeyondTheMaxIntervalIsCappedAtIt() {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "3600").build());
    var maxTenSeconds =
        config(
            server.url("/partners").toString(),
            HttpMethod.POST,
            5,
            new RetrySettings(5, 1_000, 2.0, 10_000),
            0);

    assertThatThrownBy(() -> delivery.deliver(single(maxTenSeconds, 7, RECORD)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(10)));
  }

  @Test
  void unreadableRetryAfterLeavesTheBackoffInCharge() {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "soon").build());

    assertThatThrownBy(() -> delivery.deliver(single(post(), 7, RECORD)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, failure -> assertThat(failure.getNextRetryDelay()).isNull());
  }

  @Test
  void readTimeoutThrowsARetryableFailure() {
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(3, SECONDS).build());
    var oneSecondReadTimeout = config(server.url("/partners").toString(), HttpMethod.POST, 1);

    assertThatThrownBy(() -> delivery.deliver(single(oneSecondReadTimeout, 7, RECORD)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.isNonRetryable()).isFalse();
              assertThat(failure.getType()).endsWith("TimeoutException");
              assertThat(failure.getOriginalMessage()).startsWith("POST http://");
            });
  }

  @Test
  void connectionRefusedThrowsARetryableFailure() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var nobodyListens = config("http://127.0.0.1:" + closedPort + "/partners", HttpMethod.POST);

    assertThatThrownBy(() -> delivery.deliver(single(nobodyListens, 7, RECORD)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.isNonRetryable()).isFalse();
              assertThat(failure.getType()).isEqualTo("ConnectException");
            });
  }

  @Test
  void deletedConfigFailsWithoutRetry() {
    var gone =
        TestTargets.delivery(
            id -> {
              throw new NoSuchElementException("no config " + id);
            },
            clients);

    assertThatThrownBy(() -> gone.deliver(single(post(), 7, RECORD)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getType()).isEqualTo(FailureTypes.CONFIG_NOT_FOUND);
            });
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void unparsableUrlFailsAsInvalidConfig() {
    assertThatThrownBy(
            () -> delivery.deliver(single(config("ftp://x", HttpMethod.POST), 7, RECORD)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> assertThat(failure.getType()).isEqualTo(FailureTypes.INVALID_CONFIG));
  }

  private ConfigSnapshot post() {
    return config(server.url("/partners").toString(), HttpMethod.POST);
  }
}
