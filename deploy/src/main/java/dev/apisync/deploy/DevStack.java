package dev.apisync.deploy;

import dev.apisync.activities.source.demo.OdooDemoDatabase;
import dev.apisync.api.ApiApplication;
import dev.apisync.api.access.BootstrapAdminToken;
import dev.apisync.worker.WorkerApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one-command dev stack: embedded PostgreSQL (apisync's database and an Odoo-shaped demo
 * database with 1,000 partners), the Temporal dev server with its Web UI, a demo "CRM" receiver,
 * the worker and the REST API, and the seed guide's "customers to CRM" config. State persists in
 * {@code .apisync/} between starts.
 */
public final class DevStack {

  private static final int POSTGRES_PORT = 54329;
  private static final int TEMPORAL_PORT = 7233;
  private static final int TEMPORAL_UI_PORT = 8233;
  private static final int API_PORT = 8080;
  private static final int WORKER_PORT = 8081;
  private static final int DEMO_TARGET_PORT = 8090;
  private static final int DEMO_PARTNERS = 1_000;

  private DevStack() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(System.getProperty("apisync.home", ".apisync")).toAbsolutePath();
    Files.createDirectories(home);
    List<AutoCloseable> running = new ArrayList<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(running)));

    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setPort(POSTGRES_PORT)
            .setDataDirectory(home.resolve("postgres"))
            .setCleanDataDirectory(false)
            .start();
    running.add(postgres);
    createDatabaseIfMissing(postgres.getPostgresDatabase(), "apisync");
    createDatabaseIfMissing(postgres.getPostgresDatabase(), "odoo_demo");
    DataSource odoo = postgres.getDatabase("postgres", "odoo_demo");
    OdooDemoDatabase.createSchema(odoo);
    if (isEmpty(odoo)) {
      OdooDemoDatabase.seed(odoo, DEMO_PARTNERS);
    }

    // The Web UI decodes apisync's encrypted payloads through the API's codec endpoint.
    TemporalDevServer temporal =
        TemporalDevServer.start(
            TEMPORAL_PORT, TEMPORAL_UI_PORT, home, "http://127.0.0.1:" + API_PORT + "/codec");
    running.add(temporal);
    DemoTarget crm = DemoTarget.start(DEMO_TARGET_PORT);
    running.add(crm);

    // Command-line arguments outrank the apps' worker.yml / api.yml.
    String[] shared = {
      // Development defaults, e.g. the public secrets key when APISYNC_SECRETS_KEY is not set.
      "--spring.profiles.active=dev",
      // The egress policy refuses internal targets in dev too; the demo CRM is allowed, and so is
      // whatever APISYNC_EGRESS_ALLOW adds (an argument here would otherwise hide that variable).
      "--apisync.egress.allow=" + egressAllowList(),
      "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "apisync"),
      "--spring.datasource.username=postgres",
      "--spring.datasource.password=",
      "--apisync.source.url=" + postgres.getJdbcUrl("postgres", "odoo_demo"),
      "--apisync.source.username=postgres",
      "--apisync.source.password=",
      "--spring.temporal.connection.target=" + temporal.target(),
    };
    ConfigurableApplicationContext worker =
        WorkerApplication.builder().run(withPort(shared, WORKER_PORT));
    running.add(0, worker);
    ConfigurableApplicationContext api = ApiApplication.builder().run(withPort(shared, API_PORT));
    running.add(0, api);

    String apiUrl = "http://127.0.0.1:" + API_PORT;
    // APISYNC_ADMIN_TOKEN when set, else the one the API generated for this run (profile dev).
    String adminToken = api.getBean(BootstrapAdminToken.class).value().orElseThrow();
    long configId = DemoConfig.ensure(apiUrl, adminToken, crm.url("/crm/customers"));
    printBanner(apiUrl, adminToken, temporal, crm, configId);
    Thread.currentThread().join();
  }

  private static String egressAllowList() {
    String demo = "127.0.0.1:" + DEMO_TARGET_PORT;
    String more = System.getenv().getOrDefault("APISYNC_EGRESS_ALLOW", "");
    return more.isBlank() ? demo : demo + "," + more;
  }

  private static String[] withPort(String[] arguments, int port) {
    String[] all = java.util.Arrays.copyOf(arguments, arguments.length + 1);
    all[arguments.length] = "--server.port=" + port;
    return all;
  }

  private static void createDatabaseIfMissing(DataSource admin, String name) throws SQLException {
    try (Connection connection = admin.getConnection();
        Statement statement = connection.createStatement()) {
      ResultSet exists =
          statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
      if (!exists.next()) {
        statement.execute("CREATE DATABASE " + name);
      }
    }
  }

  private static boolean isEmpty(DataSource odoo) throws SQLException {
    try (Connection connection = odoo.getConnection();
        Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("SELECT count(*) FROM res_partner")) {
      count.next();
      return count.getLong(1) == 0;
    }
  }

  private static void printBanner(
      String apiUrl, String adminToken, TemporalDevServer temporal, DemoTarget crm, long id) {
    String ui = temporal.webUiUrl().orElseThrow();
    System.out.printf(
        """

        ================= apisync dev stack is up =================
          Console         %s/   (sign in with the admin token below)
          REST API        %s   (OpenAPI UI: %s/swagger-ui.html)
          Temporal Web UI %s
          Temporal gRPC   %s
          Demo CRM        %s   (prints every request it receives)
          Demo config     #%d "%s" (1,000 Odoo-like partners)
          Admin token     %s
                          (this run only; set APISYNC_ADMIN_TOKEN to keep one)

          export APISYNC_TOKEN=%s
          Start a run:    curl -s -X POST %s/api/configs/%d/runs -H "Authorization: Bearer $APISYNC_TOKEN" -H 'Content-Type: application/json' -d '{}'
          Watch it:       curl -s %s/api/runs/<workflowId> -H "Authorization: Bearer $APISYNC_TOKEN"
          Stop:           Ctrl-C
        ============================================================
        %n""",
        apiUrl,
        apiUrl,
        apiUrl,
        ui,
        temporal.target(),
        crm.url("/crm/customers"),
        id,
        DemoConfig.NAME,
        adminToken,
        adminToken,
        apiUrl,
        id,
        apiUrl);
  }

  private static void closeAll(List<AutoCloseable> running) {
    for (AutoCloseable resource : running) {
      try {
        resource.close();
      } catch (Exception e) {
        System.err.println("while stopping: " + e);
      }
    }
  }
}
