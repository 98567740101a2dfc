package dev.apisync.activities.delivery;

import static dev.apisync.activities.delivery.TestTargets.basic;
import static dev.apisync.activities.delivery.TestTargets.config;
import static dev.apisync.activities.delivery.TestTargets.credentials;
import static dev.apisync.activities.delivery.TestTargets.noAuth;
import static dev.apisync.activities.delivery.TestTargets.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.apisync.activities.config.Auth;
import dev.apisync.activities.config.CredentialsLookup;
import dev.apisync.activities.config.Header;
import dev.apisync.activities.requestlog.AttemptOutcome;
import dev.apisync.activities.requestlog.LoggedText;
import dev.apisync.activities.requestlog.RequestLog;
import dev.apisync.activities.requestlog.RequestLogEntry;
import dev.apisync.activities.requestlog.RequestLogFilter;
import dev.apisync.activities.testing.TestEgress;
import dev.apisync.activities.testing.TestPostgres;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.DeliveryActivities;
import dev.apisync.workflows.DeliveryResult;
import dev.apisync.workflows.FailureDetails;
import dev.apisync.workflows.FailureTypes;
import dev.apisync.workflows.HttpMethod;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** Every HTTP attempt leaves one request-log row, secrets redacted (SPEC §7). */
class DeliveryRequestLogTest {

  private static final DataSource DATABASE = TestPostgres.migratedDatabase("delivery_log");
  private static final String RECORD = "{\"id\":7}";

  @StartStop private final MockWebServer server = new MockWebServer();
  @AutoClose private final TargetClients clients = new TargetClients(TestEgress.loopbackAllowed());
  private final RequestLog requestLog = new RequestLog(DATABASE);

  @BeforeEach
  void emptyLog() {
    JdbcClient.create(DATABASE).sql("DELETE FROM request_log").update();
  }

  @Test
  void sentRequestIsLoggedWithSecretsRedacted() {
    server.enqueue(
        new MockResponse.Builder()
            .code(201)
            .addHeader("X-Request-Id", "r-1")
            .addHeader("Set-Cookie", "session=abc123")
            .body("{\"id\":\"crm-7\"}")
            .build());
    var lookup = credentials(basic("admin", "hunter22"), new Header("X-Tenant", "acme"));
    var config = config(server.url("/p?api_key=qs-secret").toString(), HttpMethod.POST);

    delivery(lookup).deliver(single(config, 7, RECORD));

    RequestLogEntry row = onlyRow();
    assertThat(row.outcome()).isEqualTo(AttemptOutcome.SENT);
    assertThat(row.workflowId()).isEmpty();
    assertThat(row.attempt()).isEqualTo(1);
    assertThat(row.configId()).isEqualTo(TestTargets.CONFIG_ID);
    assertThat(row.recordIds()).containsExactly(7L);
    assertThat(row.method()).isEqualTo("POST");
    assertThat(row.url()).endsWith("/p?api_key=***");
    assertThat(row.requestHeaders())
        .containsEntry("Authorization", SecretRedactor.MASK)
        .containsEntry("X-Tenant", "acme")
        .containsEntry("Content-Type", "application/json")
        .containsKey("Idempotency-Key");
    assertThat(row.requestBody()).isEqualTo(RECORD);
    assertThat(row.responseStatus()).isEqualTo(201);
    assertThat(row.responseHeaders())
        .containsEntry("X-Request-Id", "r-1")
        .containsEntry("Set-Cookie", SecretRedactor.MASK);
    assertThat(row.responseBody()).isEqualTo("{\"id\":\"crm-7\"}");
    assertThat(row.error()).isEmpty();
    assertThat(row.durationMs()).isNotNegative();
    assertThat(row.toString()).doesNotContain("hunter22", "qs-secret", "abc123", "YWRtaW46");
  }

  @Test
  void aSecretHeaderReachesTheTargetButNotTheLog() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    var lookup =
        credentials(
            Auth.NONE, Header.secret("X-Partner-Id", "p-55667788"), new Header("X-Tenant", "acme"));
    var config = config(server.url("/p?sig=s-123&token=t-456&page=1").toString(), HttpMethod.POST);

    delivery(lookup).deliver(single(config, 7, RECORD));

    RecordedRequest received = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(received.getHeaders().get("X-Partner-Id")).isEqualTo("p-55667788");
    assertThat(received.getTarget()).isEqualTo("/p?sig=s-123&token=t-456&page=1");
    RequestLogEntry row = onlyRow();
    assertThat(row.requestHeaders())
        .containsEntry("X-Partner-Id", SecretRedactor.MASK)
        .containsEntry("X-Tenant", "acme");
    assertThat(row.url()).endsWith("/p?sig=***&token=***&page=1");
    assertThat(row.toString()).doesNotContain("p-55667788", "s-123", "t-456");
  }

  @Test
  void retryableStatusIsLoggedAsRetrying() {
    server.enqueue(new MockResponse.Builder().code(503).body("busy").build());

    assertThatThrownBy(() -> delivery(noAuth()).deliver(single(post(), 7, RECORD)))
        .isInstanceOf(ApplicationFailure.class);

    RequestLogEntry row = onlyRow();
    assertThat(row.outcome()).isEqualTo(AttemptOutcome.RETRYING);
    assertThat(row.responseStatus()).isEqualTo(503);
    assertThat(row.error()).startsWith("HTTP 503").endsWith(": busy");
  }

  @Test
  void permanentStatusIsLoggedAsFailed() {
    server.enqueue(new MockResponse.Builder().code(422).body("{\"error\":\"bad email\"}").build());

    assertThatThrownBy(() -> delivery(noAuth()).deliver(single(post(), 7, RECORD)))
        .isInstanceOf(ApplicationFailure.class);

    RequestLogEntry row = onlyRow();
    assertThat(row.outcome()).isEqualTo(AttemptOutcome.FAILED);
    assertThat(row.responseStatus()).isEqualTo(422);
    assertThat(row.responseBody()).isEqualTo("{\"error\":\"bad email\"}");
  }

  @Test
  void noResponseIsLoggedAsErrorWithoutResponseColumns() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var nobodyListens = config("http://127.0.0.1:" + closedPort + "/p", HttpMethod.POST);

    assertThatThrownBy(() -> delivery(noAuth()).deliver(single(nobodyListens, 7, RECORD)))
        .isInstanceOf(ApplicationFailure.class);

    RequestLogEntry row = onlyRow();
    assertThat(row.outcome()).isEqualTo(AttemptOutcome.ERROR);
    assertThat(row.hasResponse()).isFalse();
    assertThat(row.responseHeaders()).isEmpty();
    assertThat(row.error()).contains("got no response").contains("ConnectException");
    Integer nullStatus =
        JdbcClient.create(DATABASE)
            .sql("SELECT count(*) FROM request_log WHERE response_status IS NULL")
            .query(Integer.class)
            .single();
    assertThat(nullStatus).isEqualTo(1);
  }

  @Test
  void requestBodiesKeep64KibAndAnswersOnlyTheConfiguredBytes() {
    String longName = "n".repeat(70_000);
    server.enqueue(new MockResponse.Builder().code(200).body("r".repeat(100_000)).build());

    delivery(noAuth()).deliver(single(post(), 7, "{\"name\":\"" + longName + "\"}"));

    RequestLogEntry row = onlyRow();
    assertThat(row.requestBody())
        .startsWith("{\"name\":\"nnn")
        .endsWith("[truncated at 65536 bytes]")
        .hasSizeLessThan(LoggedText.MAX_BYTES + 40);
    assertThat(row.responseBody()).isEqualTo("r".repeat(4096) + "\n[truncated at 4096 bytes]");
  }

  @Test
  void answersKeepWhatApisyncLogsResponseBytesSays() {
    server.enqueue(new MockResponse.Builder().code(200).body("0123456789").build());
    var delivery =
        new DeliveryActivitiesImpl(
            noAuth(),
            clients,
            new RequestLog(DATABASE),
            new TargetRateLimiter(DATABASE),
            TestTargets.circuit(DATABASE),
            4);

    delivery.deliver(single(post(), 7, "{}"));

    assertThat(onlyRow().responseBody()).isEqualTo("0123\n[truncated at 4 bytes]");
  }

  @Test
  void unsendableRecordsSendNothingAndLogNothing() {
    var withPlaceholder = config(server.url("/p").toString() + "/{code}", HttpMethod.PUT);

    delivery(noAuth()).deliver(single(withPlaceholder, 7, RECORD));

    assertThat(server.getRequestCount()).isZero();
    assertThat(requestLog.find(RequestLogFilter.all()).rows()).isEmpty();
  }

  @Test
  void previewLogsNothing() {
    delivery(noAuth()).preview(single(post(), 7, RECORD));

    assertThat(requestLog.find(RequestLogFilter.all()).rows()).isEmpty();
  }

  @Test
  void aSlowRequestLogDoesNotHoldTheDeliveryAndItsRowArrivesLater() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    CountDownLatch storeSlow = new CountDownLatch(1);
    DataSource slowStore =
        new DelegatingDataSource(DATABASE) {
          @Override
          public Connection getConnection() throws SQLException {
            try {
              storeSlow.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return super.getConnection();
          }
        };
    var delivery =
        new DeliveryActivitiesImpl(
            noAuth(),
            clients,
            new RequestLog(slowStore),
            new TargetRateLimiter(DATABASE),
            TestTargets.circuit(DATABASE),
            LoggedText.DEFAULT_RESPONSE_BYTES);
    long started = System.nanoTime();

    DeliveryResult result = delivery.deliver(single(post(), 7, RECORD));

    // Answered well inside the 10 s margin an attempt has beyond its HTTP timeouts.
    assertThat(result.sent()).containsExactly(7L);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isLessThan(DeliveryActivitiesImpl.LOG_WAIT.plusSeconds(2));
    assertThat(requestLog.find(RequestLogFilter.all()).rows()).isEmpty();
    storeSlow.countDown();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> requestLog.find(RequestLogFilter.all()).rows().size() == 1);
  }

  @Test
  void requestLogThatCannotBeWrittenDoesNotFailTheDelivery() {
    server.enqueue(new MockResponse.Builder().code(200).build());
    DataSource withoutTables = TestPostgres.freshDatabase("delivery_no_log");
    var delivery =
        new DeliveryActivitiesImpl(
            noAuth(),
            clients,
            new RequestLog(withoutTables),
            new TargetRateLimiter(withoutTables),
            TestTargets.circuit(withoutTables),
            LoggedText.DEFAULT_RESPONSE_BYTES);
    Logger logger = (Logger) LoggerFactory.getLogger(RequestLog.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    try {
      assertThat(delivery.deliver(single(post(), 7, RECORD)).sent()).containsExactly(7L);
    } finally {
      logger.detachAppender(lines);
    }

    assertThat(lines.list)
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
              assertThat(line.getFormattedMessage()).contains("request log", "config 42");
            });
  }

  @Test
  void insideAnActivityTheRowNamesTheRunAndAttemptAndTheStatusCrossesAsADetail() {
    server.enqueue(new MockResponse.Builder().code(401).body("who are you").build());
    TestActivityEnvironment temporal = TestActivityEnvironment.newInstance();
    try {
      temporal.registerActivitiesImplementations(delivery(noAuth()));
      DeliveryActivities stub =
          temporal.newActivityStub(
              DeliveryActivities.class,
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofSeconds(30))
                  .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                  .build());

      assertThatThrownBy(() -> stub.deliver(single(post(), 7, RECORD)))
          .isInstanceOfSatisfying(
              ActivityFailure.class,
              failure -> {
                ApplicationFailure cause = (ApplicationFailure) failure.getCause();
                assertThat(cause.getType()).isEqualTo(FailureTypes.PERMANENT_HTTP);
                assertThat(cause.isNonRetryable()).isTrue();
                assertThat(FailureDetails.of(cause).status()).isEqualTo(401);
              });
    } finally {
      temporal.close();
    }

    RequestLogEntry row = onlyRow();
    assertThat(row.workflowId()).isEqualTo("test-workflow-id");
    assertThat(row.runId()).isNotEmpty();
    assertThat(row.attempt()).isEqualTo(1);
    assertThat(row.outcome()).isEqualTo(AttemptOutcome.FAILED);
  }

  private DeliveryActivitiesImpl delivery(CredentialsLookup lookup) {
    return new DeliveryActivitiesImpl(
        lookup,
        clients,
        requestLog,
        new TargetRateLimiter(DATABASE),
        TestTargets.circuit(DATABASE),
        LoggedText.DEFAULT_RESPONSE_BYTES);
  }

  private ConfigSnapshot post() {
    return config(server.url("/partners").toString(), HttpMethod.POST);
  }

  private RequestLogEntry onlyRow() {
    List<RequestLogEntry> rows =
        requestLog.find(RequestLogFilter.all()).rows().stream().map(r -> r.entry()).toList();
    assertThat(rows).hasSize(1);
    return rows.getFirst();
  }
}
