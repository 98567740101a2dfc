package dev.apisync.deploy;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apisync.activities.codec.EncryptionCodec;
import dev.apisync.activities.codec.PayloadKeys;
import dev.apisync.activities.config.ConfigStore;
import dev.apisync.activities.config.SecretCipher;
import dev.apisync.activities.config.SyncConfig;
import dev.apisync.activities.source.demo.OdooDemoDatabase;
import dev.apisync.workflows.SyncRunInput;
import dev.apisync.workflows.SyncRunResult;
import dev.apisync.workflows.SyncRunWorkflow;
import dev.apisync.workflows.TaskQueues;
import dev.apisync.workflows.Trigger;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 10: PostgreSQL (here the source and apisync's own database, on one server) stopped in the
 * middle of a 5,000-record run and started again after {@code APISYNC_TEST_DB_OUTAGE_SECONDS} (10
 * by default; CI sets 90). A real worker process waits it out: the run completes, every record
 * reaches the receiver in exactly one request. The server is a cluster of this test's own, so the
 * other tests' server never stops.
 */
class DatabaseOutageIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RECORDS = 5_000;
  private static final int PAGE_SIZE = 50;
  private static final Path WORKER_JAR = Path.of("../worker/target/worker-0.1.0-SNAPSHOT-exec.jar");
  private static final Path CLUSTER = Path.of("../scripts/test-postgres.sh");
  private static final int PORT = 55_499;
  private static final String DATA_DIR = "/tmp/apisync-outage-pg";

  private static TemporalDevServer temporal;
  private static WorkflowServiceStubs service;
  private static DataSource apisync;
  private static DataSource odoo;
  private static Process worker;

  @BeforeAll
  static void start() throws Exception {
    assertThat(WORKER_JAR).as("the worker's executable jar (mvn package)").exists();
    cluster("start");
    temporal = TemporalDevServer.startEphemeral();
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()).build());
    apisync = database("outage_apisync");
    Flyway.configure().dataSource(apisync).load().migrate();
    odoo = database("outage_odoo");
    OdooDemoDatabase.createSchema(odoo);
    OdooDemoDatabase.seed(odoo, RECORDS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (worker != null) {
      worker.destroyForcibly();
    }
    if (service != null) {
      service.shutdownNow();
    }
    if (temporal != null) {
      temporal.close();
    }
    cluster("stop");
  }

  @Test
  void aRunWaitsOutADatabaseOutageAndSendsEveryRecordOnce() throws Exception {
    ConcurrentLinkedQueue<RecordedRequest> received = new ConcurrentLinkedQueue<>();
    CountDownLatch tenPagesArrived = new CountDownLatch(10);
    try (MockWebServer receiver = new MockWebServer()) {
      receiver.setDispatcher(slowly(received, tenPagesArrived));
      receiver.start();
      long configId =
          new ConfigStore(apisync, SecretCipher.fromBase64(SecretCipher.DEVELOPMENT_KEY))
              .create(
                  SyncConfig.builder()
                      .name("every partner")
                      .model("res.partner")
                      .filterDomain("[('active', 'in', [True, False])]")
                      .requestUrl(receiver.url("/partners").toString())
                      .httpMethod("POST")
                      .paginated(true)
                      .pageSize(PAGE_SIZE)
                      .line(SyncConfig.Line.identifier("id", "external_id"))
                      .line(SyncConfig.Line.plain("name", "name"))
                      .build());
      WorkflowClient client =
          WorkflowClient.newInstance(
              service,
              WorkflowClientOptions.newBuilder()
                  .setDataConverter(
                      new EncryptionCodec(PayloadKeys.parse(List.of(PayloadKeys.DEVELOPMENT)))
                          .dataConverter())
                  .build());
      SyncRunWorkflow run =
          client.newWorkflowStub(
              SyncRunWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setTaskQueue(TaskQueues.SYNC)
                  .setWorkflowId("sync-database-outage-test")
                  .build());
      worker = startWorker();
      WorkflowClient.start(run::run, SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));

      assertThat(tenPagesArrived.await(120, SECONDS)).as("the worker sends pages").isTrue();
      cluster("stop");
      Thread.sleep(outage().toMillis()); // the outage itself, not a synchronisation
      cluster("start");
      SyncRunResult result =
          WorkflowStub.fromTyped(run).getResult(5, TimeUnit.MINUTES, SyncRunResult.class);

      assertThat(result.sent()).isEqualTo(RECORDS);
      assertThat(result.failed()).isZero();
      Map<Long, Set<String>> keysByRecord = new HashMap<>();
      int deliveries = 0;
      for (RecordedRequest request : received) {
        String key = request.getHeaders().get("Idempotency-Key");
        for (JsonNode record : JSON.readTree(request.getBody().utf8())) {
          deliveries++;
          keysByRecord
              .computeIfAbsent(record.get("external_id").asLong(), id -> new HashSet<>())
              .add(key);
        }
      }
      assertThat(keysByRecord.keySet()).containsExactlyInAnyOrderElementsOf(allPartnerIds());
      assertThat(deliveries).as("records sent, each once").isEqualTo(RECORDS);
    }
  }

  /** Answers each page after 20 ms: 100 pages take a few seconds, not a fraction of one. */
  private static Dispatcher slowly(
      ConcurrentLinkedQueue<RecordedRequest> received, CountDownLatch arrived) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        received.add(request);
        arrived.countDown();
        return new MockResponse.Builder().code(200).headersDelay(20, TimeUnit.MILLISECONDS).build();
      }
    };
  }

  private static List<Long> allPartnerIds() {
    return JdbcClient.create(odoo).sql("SELECT id FROM res_partner").query(Long.class).list();
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

  private static DataSource database(String name) throws SQLException {
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setURL(url("postgres"));
    try (Connection connection = admin.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute("CREATE DATABASE " + name);
    }
    PGSimpleDataSource database = new PGSimpleDataSource();
    database.setURL(url(name));
    return database;
  }

  /** A worker as its own OS process, as in production. */
  private static Process startWorker() throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    File log = Files.createTempFile("apisync-outage-worker", ".log").toFile();
    return new ProcessBuilder(
            java,
            "-jar",
            WORKER_JAR.toString(),
            "--spring.datasource.url=" + url("outage_apisync"),
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--apisync.source.url=" + url("outage_odoo"),
            "--apisync.source.username=postgres",
            "--apisync.source.password=",
            "--spring.temporal.connection.target=" + temporal.target(),
            "--spring.profiles.active=dev",
            "--apisync.egress.allow=127.0.0.1",
            "--apisync.events.dispatcher=false",
            "--server.port=0")
        .redirectErrorStream(true)
        .redirectOutput(log)
        .start();
  }
}
