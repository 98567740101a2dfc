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
import dev.apisync.activities.slices.SliceActivitiesImpl;
import dev.apisync.activities.source.demo.OdooDemoDatabase;
import dev.apisync.activities.testing.TestPostgres;
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
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 10: the Temporal dev server (keeping its state in a database file) restarted in the middle
 * of a 5,000-record run. The worker process reconnects by itself and the run completes: every
 * record reaches the receiver, one sent twice only when its page was in flight or awaiting its
 * commit, under the same key.
 */
class TemporalRestartIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RECORDS = 5_000;
  private static final int PAGE_SIZE = 50;
  private static final Path WORKER_JAR = Path.of("../worker/target/worker-0.1.0-SNAPSHOT-exec.jar");

  private static Path state;
  private static int port;
  private static TemporalDevServer temporal;
  private static WorkflowServiceStubs service;
  private static DataSource apisync;
  private static DataSource odoo;
  private static Process worker;

  @BeforeAll
  static void start() throws IOException {
    assertThat(WORKER_JAR).as("the worker's executable jar (mvn package)").exists();
    state = Files.createTempDirectory("apisync-temporal-restart");
    port = TemporalDevServer.freePort();
    temporal = TemporalDevServer.startHeadless(port, state);
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()).build());
    apisync = TestPostgres.freshDatabase("restart_apisync");
    Flyway.configure().dataSource(apisync).load().migrate();
    odoo = TestPostgres.freshDatabase("restart_odoo");
    OdooDemoDatabase.createSchema(odoo);
    OdooDemoDatabase.seed(odoo, RECORDS);
  }

  @AfterAll
  static void stop() {
    if (worker != null) {
      worker.destroyForcibly();
    }
    if (service != null) {
      service.shutdownNow();
    }
    if (temporal != null) {
      temporal.close();
    }
  }

  @Test
  void aRunOutlivesARestartOfTheTemporalServer() throws Exception {
    ConcurrentLinkedQueue<RecordedRequest> received = new ConcurrentLinkedQueue<>();
    CountDownLatch tenPagesArrived = new CountDownLatch(10);
    try (MockWebServer receiver = new MockWebServer()) {
      receiver.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              received.add(request);
              tenPagesArrived.countDown();
              // 100 pages take a few seconds, so that the restart falls in the run's middle.
              return new MockResponse.Builder()
                  .code(200)
                  .headersDelay(20, TimeUnit.MILLISECONDS)
                  .build();
            }
          });
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
                  .setWorkflowId("sync-temporal-restart-test")
                  .build());
      worker = startWorker();
      WorkflowClient.start(run::run, SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));

      assertThat(tenPagesArrived.await(120, SECONDS)).as("the worker sends pages").isTrue();
      temporal.close();
      temporal = TemporalDevServer.startHeadless(port, state);
      SyncRunResult result =
          WorkflowStub.fromTyped(run).getResult(5, TimeUnit.MINUTES, SyncRunResult.class);

      assertThat(result.sent()).isEqualTo(RECORDS);
      assertThat(result.failed()).isZero();
      Map<Long, Set<String>> keysByRecord = new HashMap<>();
      for (RecordedRequest request : received) {
        String key = request.getHeaders().get("Idempotency-Key");
        for (JsonNode record : JSON.readTree(request.getBody().utf8())) {
          keysByRecord
              .computeIfAbsent(record.get("external_id").asLong(), id -> new HashSet<>())
              .add(key);
        }
      }
      assertThat(keysByRecord.keySet()).containsExactlyInAnyOrderElementsOf(allPartnerIds());
      assertThat(keysByRecord.values()).allSatisfy(keys -> assertThat(keys).hasSize(1));
      assertThat(received.size() - RECORDS / PAGE_SIZE)
          .as("requests sent twice")
          .isLessThanOrEqualTo(1 + SliceActivitiesImpl.UNCOMMITTED_PAGES);
    }
  }

  private static List<Long> allPartnerIds() {
    return JdbcClient.create(odoo).sql("SELECT id FROM res_partner").query(Long.class).list();
  }

  /** A worker as its own OS process, as in production. */
  private static Process startWorker() throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    File log = Files.createTempFile("apisync-restart-worker", ".log").toFile();
    return new ProcessBuilder(
            java,
            "-jar",
            WORKER_JAR.toString(),
            "--spring.datasource.url=" + TestPostgres.jdbcUrl(TestPostgres.databaseName(apisync)),
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--apisync.source.url=" + TestPostgres.jdbcUrl(TestPostgres.databaseName(odoo)),
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
