package dev.apisync.activities.delivery;

import static dev.apisync.activities.delivery.TestTargets.config;
import static dev.apisync.activities.delivery.TestTargets.noAuth;
import static dev.apisync.activities.delivery.TestTargets.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.egress.EgressPolicy;
import dev.apisync.activities.requestlog.AttemptOutcome;
import dev.apisync.activities.requestlog.LoggedText;
import dev.apisync.activities.requestlog.RequestLog;
import dev.apisync.activities.requestlog.RequestLogEntry;
import dev.apisync.activities.requestlog.RequestLogFilter;
import dev.apisync.activities.testing.TestPostgres;
import dev.apisync.workflows.DeliveryResult;
import dev.apisync.workflows.HttpMethod;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Dns;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The egress policy at connect time, over real sockets: the allow-listed receiver gets its
 * requests; internal targets fail their records for good with the reason, and no socket is ever
 * opened toward them (the tests count the sockets OkHttp creates, and never aim at 10.x or
 * 169.254.x otherwise).
 */
class DeliveryEgressTest {

  private static final DataSource DATABASE = TestPostgres.migratedDatabase("delivery_egress");

  /** The allow-listed receiver. */
  @StartStop private final MockWebServer receiver = new MockWebServer();

  /** A loopback service on another port that a config must not reach. */
  @StartStop private final MockWebServer internal = new MockWebServer();

  private final RecordingSocketFactory sockets = new RecordingSocketFactory();
  private final RequestLog requestLog = new RequestLog(DATABASE);
  @AutoClose private TargetClients clients;

  @BeforeEach
  void onlyTheReceiverIsAllowed() {
    JdbcClient.create(DATABASE).sql("DELETE FROM request_log").update();
    clients = clientsWith(Dns.SYSTEM);
  }

  @Test
  void theAllowListedReceiverGetsTheRecords() throws Exception {
    receiver.enqueue(new MockResponse.Builder().code(200).build());

    DeliveryResult result = deliver(receiver.url("/partners").toString());

    assertThat(result.sent()).containsExactly(7L);
    assertThat(receiver.takeRequest().getTarget()).isEqualTo("/partners");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:{internal}/admin",
        "http://localhost:{internal}/admin",
        "http://[::1]:{internal}/admin",
        "http://169.254.169.254/latest/meta-data",
        "http://10.0.0.1/",
        "http://[::ffff:10.0.0.1]/",
        "http://0.0.0.0:{internal}/"
      })
  void internalTargetsFailTheirRecordsWithoutAConnection(String template) {
    String url = template.replace("{internal}", String.valueOf(internal.getPort()));

    DeliveryResult result = deliver(url);

    assertThat(result.sent()).isEmpty();
    assertThat(result.failures()).hasSize(1);
    assertThat(result.failures().getFirst().recordId()).isEqualTo(7L);
    assertThat(result.failures().getFirst().reason())
        .startsWith("egress refused: ")
        .contains("apisync.egress.allow");
    assertThat(sockets.created()).isEmpty();
    assertThat(internal.getRequestCount()).isZero();
    RequestLogEntry row = onlyRow();
    assertThat(row.outcome()).isEqualTo(AttemptOutcome.FAILED);
    assertThat(row.responseStatus()).isZero();
    assertThat(row.error()).isEqualTo(result.failures().getFirst().reason());
  }

  @Test
  void aNameThatResolvesInsideAtConnectTimeIsRefusedThoughItResolvedOutsideBefore() {
    // The interceptor's lookup sees a public address, OkHttp's own lookup the metadata address:
    // DNS rebinding. The refusal comes from the Dns, before any socket.
    List<String> answers = new ArrayList<>(List.of("93.184.216.34", "169.254.169.254"));
    clients.close();
    clients =
        clientsWith(
            hostname ->
                List.of(
                    InetAddress.getByName(
                        answers.size() > 1 ? answers.removeFirst() : answers.getFirst())));

    DeliveryResult result = deliver("http://shop.example/orders");

    assertThat(result.failures().getFirst().reason())
        .contains("shop.example (169.254.169.254) is a link-local address");
    assertThat(sockets.created()).isEmpty();
  }

  private TargetClients clientsWith(Dns dns) {
    EgressPolicy policy =
        EgressPolicy.of(
            List.of("localhost:" + receiver.getPort(), "127.0.0.1:" + receiver.getPort()),
            List.of());
    return new TargetClients(policy, sockets, dns);
  }

  private DeliveryResult deliver(String url) {
    DeliveryActivitiesImpl delivery =
        new DeliveryActivitiesImpl(
            noAuth(),
            clients,
            requestLog,
            new TargetRateLimiter(DATABASE),
            TestTargets.circuit(DATABASE),
            LoggedText.DEFAULT_RESPONSE_BYTES);
    return delivery.deliver(single(config(url, HttpMethod.POST), 7, "{\"id\":7}"));
  }

  private RequestLogEntry onlyRow() {
    List<RequestLogEntry> rows =
        requestLog.find(RequestLogFilter.all()).rows().stream().map(r -> r.entry()).toList();
    assertThat(rows).hasSize(1);
    return rows.getFirst();
  }
}
