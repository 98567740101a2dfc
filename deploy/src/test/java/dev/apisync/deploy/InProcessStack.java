package dev.apisync.deploy;

import dev.apisync.activities.source.demo.OdooDemoDatabase;
import dev.apisync.activities.testing.TestPostgres;
import dev.apisync.api.ApiApplication;
import dev.apisync.api.access.BootstrapAdminToken;
import dev.apisync.worker.WorkerApplication;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The system {@code scripts/dev.sh} runs, started in this JVM for one IT class: a Temporal dev
 * server (its Web UI when asked), a receiver, a fresh apisync database and a fresh Odoo-shaped
 * source with demo partners, a worker and the API under the {@code dev} profile (which generates
 * the admin token, as the dev stack prints it).
 */
final class InProcessStack implements AutoCloseable {

  /** A receiver that takes every request: 200 with {@code {"ok":true}}. */
  static final Dispatcher ACCEPTING =
      new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return new MockResponse.Builder().code(200).body("{\"ok\":true}").build();
        }
      };

  final TemporalDevServer temporal;
  final MockWebServer crm;
  final DataSource odoo;
  final ConfigurableApplicationContext worker;
  final ConfigurableApplicationContext api;
  final String apiUrl;
  final StackApi rest;

  private InProcessStack(
      TemporalDevServer temporal,
      MockWebServer crm,
      DataSource odoo,
      ConfigurableApplicationContext worker,
      ConfigurableApplicationContext api) {
    this.temporal = temporal;
    this.crm = crm;
    this.odoo = odoo;
    this.worker = worker;
    this.api = api;
    this.apiUrl = "http://127.0.0.1:" + api.getEnvironment().getProperty("local.server.port");
    this.rest = new StackApi(apiUrl, adminToken());
  }

  /**
   * @param name prefixes the two fresh databases
   * @param partners how many demo partners the source holds
   * @param receiver how the receiver answers
   * @param webUi start the Temporal Web UI too, decoding payloads through the API's codec
   * @param arguments more Spring arguments for both apps (they outrank worker.yml / api.yml)
   */
  static InProcessStack start(
      String name, int partners, Dispatcher receiver, boolean webUi, String... arguments)
      throws IOException {
    // The Web UI decodes the runs' encrypted summaries through the API's codec endpoint, so the
    // API's port is chosen before the server starts.
    int apiPort = TemporalDevServer.freePort();
    TemporalDevServer temporal =
        webUi
            ? TemporalDevServer.startEphemeralWithWebUi("http://127.0.0.1:" + apiPort + "/codec")
            : TemporalDevServer.startEphemeral();
    MockWebServer crm = new MockWebServer();
    crm.setDispatcher(receiver);
    crm.start();
    DataSource apisync = TestPostgres.freshDatabase(name + "_apisync");
    DataSource odoo = TestPostgres.freshDatabase(name + "_odoo");
    OdooDemoDatabase.createSchema(odoo);
    OdooDemoDatabase.seed(odoo, partners);
    List<String> shared =
        new ArrayList<>(
            List.of(
                "--spring.profiles.active=dev",
                // The test receivers listen on loopback, which the egress policy refuses unless
                // allowed.
                "--apisync.egress.allow=127.0.0.1",
                "--spring.datasource.url="
                    + TestPostgres.jdbcUrl(TestPostgres.databaseName(apisync)),
                "--apisync.source.url=" + TestPostgres.jdbcUrl(TestPostgres.databaseName(odoo)),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--apisync.source.username=postgres",
                "--apisync.source.password=",
                "--spring.temporal.connection.target=" + temporal.target()));
    temporal.webUiUrl().ifPresent(ui -> shared.add("--apisync.temporal.ui-url=" + ui));
    shared.addAll(Arrays.asList(arguments));
    ConfigurableApplicationContext worker = WorkerApplication.builder().run(withPort(shared, 0));
    ConfigurableApplicationContext api =
        ApiApplication.builder().run(withPort(shared, webUi ? apiPort : 0));
    return new InProcessStack(temporal, crm, odoo, worker, api);
  }

  /** The ids of the source's active customers ({@code customer_rank > 0}), ascending. */
  List<Long> activeCustomerIds() {
    return JdbcClient.create(odoo)
        .sql("SELECT id FROM res_partner WHERE active AND customer_rank > 0 ORDER BY id")
        .query(Long.class)
        .list();
  }

  String adminToken() {
    return api.getBean(BootstrapAdminToken.class).value().orElseThrow();
  }

  private static String[] withPort(List<String> arguments, int port) {
    List<String> all = new ArrayList<>(arguments);
    all.add("--server.port=" + port);
    return all.toArray(String[]::new);
  }

  /** Forgets what the receiver got so far: each test reads only its own runs' requests. */
  void forgetReceivedRequests() throws InterruptedException {
    while (crm.takeRequest(1, java.util.concurrent.TimeUnit.MILLISECONDS) != null) {
      // drained
    }
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable running : new AutoCloseable[] {api, worker, crm, temporal}) {
      running.close();
    }
  }
}
