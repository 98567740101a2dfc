package dev.apisync.activities.delivery;

import static dev.apisync.activities.delivery.TestTargets.config;
import static dev.apisync.activities.delivery.TestTargets.noAuth;
import static dev.apisync.activities.delivery.TestTargets.single;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.DeliveryResult;
import dev.apisync.workflows.FailureTypes;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.RecordFailure;
import io.temporal.failure.ApplicationFailure;
import java.net.ServerSocket;
import java.util.NoSuchElementException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryResponseTest {

  private static final String RECORD = "{\"id\":7}";

  @StartStop private final MockWebServer server = new MockWebServer();
  private final TargetClients clients = new TargetClients();
  private final DeliveryActivitiesImpl delivery = new DeliveryActivitiesImpl(noAuth(), clients);

  @AfterEach
  void closeClients() {
    clients.close();
  }

  @Test
  void createdMarksTheRecordSent() {
    server.enqueue(new MockResponse.Builder().code(201).body("{\"id\":\"crm-1\"}").build());

    DeliveryResult result = delivery.deliver(single(post(), 7, RECORD));

    assertThat(result.sent()).containsExactly(7L);
    assertThat(result.failures()).isEmpty();
    assertThat(result.status()).isEqualTo(201);
  }

  @Test
  void badRequestFailsTheRecordWithStatusAndBodyExcerpt() {
    String body = "{\"error\":\"email is invalid\"}" + "x".repeat(400);
    server.enqueue(
        new MockResponse.Builder().status("HTTP/1.1 400 Bad Request").body(body).build());

    DeliveryResult result = delivery.deliver(single(post(), 7, RECORD));

    assertThat(result.sent()).isEmpty();
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.failures())
        .containsExactly(
            new RecordFailure(7, "HTTP 400 Bad Request: " + body.substring(0, 300), 400));
  }

  @Test
  void redirectIsNotFollowedAndNamesItsTarget() {
    server.enqueue(
        new MockResponse.Builder()
            .status("HTTP/1.1 301 Moved Permanently")
            .addHeader("Location", "https://new.example/p")
            .build());

    DeliveryResult result = delivery.deliver(single(post(), 7, RECORD));

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(result.failures().getFirst().reason())
        .isEqualTo("HTTP 301 Moved Permanently (Location: https://new.example/p)");
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
        new DeliveryActivitiesImpl(
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
