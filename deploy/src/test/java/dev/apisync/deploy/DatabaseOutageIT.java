package dev.apisync.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.apisync.workflows.SyncRunResult;
import dev.apisync.workflows.SyncRunWorkflow;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Issue 10: PostgreSQL (here the source and apisync's own database, on one server) stopped in the
 * middle of a 5,000-record run and started again after {@code APISYNC_TEST_DB_OUTAGE_SECONDS} (10
 * by default; CI sets 90). A real worker process waits it out: the run completes, every record
 * reaches the receiver in exactly one request. The server is a cluster of this test's own, so the
 * other tests' server never stops.
 */
class DatabaseOutageIT {

  private static final int RECORDS = 5_000;
  private static final int PAGE_SIZE = 50;
  private static final Path CLUSTER = Path.of("../scripts/test-postgres.sh");
  private static final int PORT = 55_499;
  private static final String DATA_DIR = "/tmp/apisync-outage-pg";

  private static ProcessStack stack;

  // Each page answered after 20 ms: the run takes a few seconds, the outage falls in its middle.
  private final PageReceiver pages = new PageReceiver(20);
  @StartStop private final MockWebServer receiver = pages.newServer();

  @BeforeAll
  static void start() throws Exception {
    cluster("start");
    stack =
        ProcessStack.start(
            PartnerDatabases.create(DatabaseOutageIT::database, "outage", RECORDS),
            TemporalDevServer.startEphemeral());
  }

  @AfterAll
  static void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
    cluster("stop");
  }

  @Test
  void aRunWaitsOutADatabaseOutageAndSendsEveryRecordOnce() throws Exception {
    SyncRunWorkflow run =
        stack.startEveryPartnerRun(
            receiver.url("/partners").toString(), PAGE_SIZE, "sync-database-outage-test");
    stack.startWorker(url("outage_apisync"), url("outage_odoo"));

    assertThat(pages.awaitTenPages(120)).as("the worker sends pages").isTrue();
    cluster("stop");
    // The run waits the outage out: still running, nothing failed, for as long as it lasts.
    WorkflowStub stub = WorkflowStub.fromTyped(run);
    await()
        .during(outage())
        .atMost(outage().plusSeconds(30))
        .until(
            () ->
                stub.describe().getStatus()
                    == io.temporal.api.enums.v1.WorkflowExecutionStatus
                        .WORKFLOW_EXECUTION_STATUS_RUNNING);
    cluster("start");
    SyncRunResult result =
        WorkflowStub.fromTyped(run).getResult(5, TimeUnit.MINUTES, SyncRunResult.class);

    assertThat(result.sent()).isEqualTo(RECORDS);
    assertThat(result.failed()).isZero();
    assertThat(pages.keysByRecord().keySet())
        .containsExactlyInAnyOrderElementsOf(stack.databases.allPartnerIds());
    assertThat(pages.deliveries()).as("records sent, each once").hasSize(RECORDS);
  }

  private static Duration outage() {
    String seconds = System.getenv("APISYNC_TEST_DB_OUTAGE_SECONDS");
    return Duration.ofSeconds(seconds == null || seconds.isBlank() ? 10 : Long.parseLong(seconds));
  }

  /** Starts or stops this test's own PostgreSQL cluster (scripts/test-postgres.sh). */
  private static void cluster(String command) throws IOException, InterruptedException {
    ProcessBuilder script =
        new ProcessBuilder(CLUSTER.toString(), command).redirectErrorStream(true);
    script.environment().put("APISYNC_TEST_PG_PORT", String.valueOf(PORT));
    script.environment().put("APISYNC_TEST_PG_DIR", DATA_DIR);
    Process process = script.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as("test-postgres.sh %s: %s", command, output).isZero();
  }

  private static String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + PORT + "/" + database + "?user=postgres";
  }

  private static DataSource database(String name) {
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setURL(url("postgres"));
    try (Connection connection = admin.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create " + name + " on the outage cluster", e);
    }
    PGSimpleDataSource database = new PGSimpleDataSource();
    database.setURL(url(name));
    return database;
  }
}
