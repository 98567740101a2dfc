package dev.apisync.worker;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apisync.activities.config.ConfigActivitiesImpl;
import dev.apisync.activities.config.ConfigStore;
import dev.apisync.activities.config.SecretCipher;
import dev.apisync.activities.config.SyncConfig;
import dev.apisync.activities.delivery.DeliveryActivitiesImpl;
import dev.apisync.activities.delivery.TargetClients;
import dev.apisync.activities.delivery.TargetRateLimiter;
import dev.apisync.activities.mapping.MappingActivitiesImpl;
import dev.apisync.activities.mapping.PlainLineResolver;
import dev.apisync.activities.mapping.RecordMapper;
import dev.apisync.activities.requestlog.RequestLog;
import dev.apisync.activities.source.DomainCompiler;
import dev.apisync.activities.source.RecordActivitiesImpl;
import dev.apisync.activities.source.RecordReader;
import dev.apisync.activities.source.RecordSource;
import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.activities.testing.TestPostgres;
import dev.apisync.workflows.RecordFailure;
import dev.apisync.workflows.SyncRunInput;
import dev.apisync.workflows.SyncRunResult;
import dev.apisync.workflows.SyncRunWorkflow;
import dev.apisync.workflows.SyncRunWorkflowImpl;
import dev.apisync.workflows.Trigger;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sync runs end to end inside Temporal's test environment: the real workflow, the real activities,
 * real PostgreSQL and a real HTTP receiver on a socket.
 */
class SyncRunWorkflowTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Ids 1..100 match {@code customer_rank > 0}; 101..120 do not; 121..130 are archived. */
  private static final List<Long> MATCHING = LongStream.rangeClosed(1, 100).boxed().toList();

  private static final DataSource APISYNC = TestPostgres.freshDatabase("wf_apisync");
  private static final DataSource SOURCE = TestPostgres.freshDatabase("wf_source");
  private static final ConfigStore STORE =
      new ConfigStore(APISYNC, SecretCipher.fromBase64(SecretCipher.DEVELOPMENT_KEY));
  private static final TargetClients CLIENTS = new TargetClients();

  @RegisterExtension
  static final TestWorkflowExtension TEMPORAL =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(SyncRunWorkflowImpl.class)
          .setActivityImplementations(activities())
          .build();

  @StartStop final MockWebServer receiver = new MockWebServer();

  @BeforeAll
  static void databases() {
    Flyway.configure().dataSource(APISYNC).load().migrate();
    JdbcClient source = JdbcClient.create(SOURCE);
    source
        .sql(
            """
            CREATE TABLE res_partner (
              id serial PRIMARY KEY,
              name varchar NOT NULL,
              email varchar,
              customer_rank integer NOT NULL DEFAULT 0,
              credit_limit numeric(12,2),
              active boolean NOT NULL DEFAULT true,
              parent_id integer REFERENCES res_partner(id))
            """)
        .update();
    for (int id = 1; id <= 130; id++) {
      source
          .sql(
              "INSERT INTO res_partner (name, email, customer_rank, credit_limit, active)"
                  + " VALUES (?, ?, ?, ?, ?)")
          .params(
              "Partner " + id,
              id % 10 == 0 ? null : "p" + id + "@example.com",
              id <= 100 || id > 120 ? 1 : 0,
              new java.math.BigDecimal(id + ".10"),
              id <= 120)
          .update();
    }
  }

  @AfterAll
  static void closeClients() {
    CLIENTS.close();
  }

  private static Object[] activities() {
    SourceCatalog catalog = new SourceCatalog(SOURCE);
    RecordReader reader = new RecordReader(SOURCE, catalog);
    return new Object[] {
      new ConfigActivitiesImpl(STORE),
      new RecordActivitiesImpl(new RecordSource(SOURCE, new DomainCompiler(catalog))),
      new MappingActivitiesImpl(new RecordMapper(reader, List.of(new PlainLineResolver(reader)))),
      new DeliveryActivitiesImpl(
          STORE, CLIENTS, new RequestLog(APISYNC), new TargetRateLimiter(APISYNC))
    };
  }

  @Test
  void paginatedRunSendsFifteenArraysOfSevenEachRecordOnceInIdOrder(
      WorkflowClient client, Worker worker) throws Exception {
    receiver.setDispatcher(answering(201));
    long configId = STORE.create(config("paginated").paginated(true).pageSize(7).build());

    SyncRunResult result =
        run(client, worker, SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));

    List<JsonNode> bodies = receivedBodies(15);
    assertThat(bodies).allSatisfy(body -> assertThat(body.isArray()).isTrue());
    assertThat(bodies.subList(0, 14)).allSatisfy(body -> assertThat(body.size()).isEqualTo(7));
    assertThat(externalIds(bodies)).containsExactlyElementsOf(MATCHING);
    assertThat(result.sent()).isEqualTo(100);
    assertThat(result.failed()).isZero();
    assertThat(receiver.getRequestCount()).isEqualTo(15);
  }

  @Test
  void unpaginatedRunSendsOneObjectPerRecordInIdOrder(WorkflowClient client, Worker worker)
      throws Exception {
    receiver.setDispatcher(answering(200));
    long configId = STORE.create(config("unpaginated").pageSize(7).build());

    SyncRunResult result =
        run(client, worker, SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));

    List<JsonNode> bodies = receivedBodies(100);
    assertThat(bodies).allSatisfy(body -> assertThat(body.isObject()).isTrue());
    assertThat(externalIds(bodies)).containsExactlyElementsOf(MATCHING);
    assertThat(bodies.getFirst().get("credit").decimalValue()).isEqualByComparingTo("1.10");
    assertThat(bodies.get(9).get("contact").get("email").isNull()).isTrue();
    assertThat(result.sent()).isEqualTo(100);
    assertThat(receiver.getRequestCount()).isEqualTo(100);
  }

  @Test
  void receiverRefusingOneRecordFailsJustThatRecord(WorkflowClient client, Worker worker)
      throws Exception {
    receiver.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            boolean refused = request.getBody().utf8().contains("\"external_id\":42,");
            return refused
                ? new MockResponse.Builder().code(400).body("{\"error\":\"email taken\"}").build()
                : new MockResponse.Builder().code(200).build();
          }
        });
    long configId = STORE.create(config("one refused").pageSize(25).build());

    SyncRunResult result =
        run(client, worker, SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));

    assertThat(result.sent()).isEqualTo(99);
    assertThat(result.failed()).isEqualTo(1);
    RecordFailure failure = result.failures().getFirst();
    assertThat(failure.recordId()).isEqualTo(42);
    // The delivery now throws a non-retryable PermanentHttpFailure carrying the status as its
    // first detail; until the workflow reads it (failure.getDetails().get(Integer.class)), the
    // status only shows in the reason.
    assertThat(failure.reason()).contains("PermanentHttpFailure", "HTTP 400", "email taken");
  }

  @Test
  void continueAsNewCarriesCursorAndCounts(WorkflowClient client, Worker worker) throws Exception {
    receiver.setDispatcher(answering(200));
    long configId = STORE.create(config("continued").paginated(true).pageSize(10).build());
    // Each page adds about a dozen events: a 40-event budget continues as new every few pages.
    SyncRunInput input =
        new SyncRunInput(
            configId,
            List.of(),
            Trigger.MANUAL,
            false,
            40,
            dev.apisync.workflows.RunCheckpoint.FRESH);

    SyncRunWorkflow workflow = newWorkflow(client, worker);
    WorkflowClient.start(workflow::run, input);
    WorkflowStub stub = WorkflowStub.fromTyped(workflow);
    SyncRunResult result = stub.getResult(30, SECONDS, SyncRunResult.class);

    String firstRunId = stub.getExecution().getRunId();
    String lastRunId =
        client
            .newUntypedWorkflowStub(stub.getExecution().getWorkflowId())
            .describe()
            .getExecution()
            .getRunId();
    assertThat(lastRunId).isNotEqualTo(firstRunId);
    assertThat(result.sent()).isEqualTo(100);
    assertThat(result.pages()).isEqualTo(10);
    assertThat(externalIds(receivedBodies(10))).containsExactlyElementsOf(MATCHING);
  }

  @Test
  void explicitRecordIdsSendOnlyThoseAndSkipTheRest(WorkflowClient client, Worker worker)
      throws Exception {
    receiver.setDispatcher(answering(200));
    long configId = STORE.create(config("explicit ids").build());

    SyncRunResult result =
        run(
            client,
            worker,
            SyncRunInput.of(configId, List.of(5L, 3L, 105L, 125L, 999L), Trigger.MANUAL, false));

    assertThat(externalIds(receivedBodies(2))).containsExactly(3L, 5L);
    assertThat(result.sent()).isEqualTo(2);
    assertThat(result.skipped()).isEqualTo(3);
  }

  @Test
  void dryRunSendsNothingAndShowsTheRequests(WorkflowClient client, Worker worker)
      throws Exception {
    long configId = STORE.create(config("dry").paginated(true).pageSize(50).build());

    SyncRunResult result =
        run(client, worker, SyncRunInput.of(configId, List.of(), Trigger.MANUAL, true));

    assertThat(receiver.getRequestCount()).isZero();
    assertThat(result.dryRun()).isTrue();
    assertThat(result.sent()).isEqualTo(100);
    assertThat(result.previews()).hasSize(2);
    assertThat(result.previews().getFirst().recordIds()).hasSize(50);
    assertThat(result.previews().getFirst().method()).isEqualTo("POST");
  }

  @Test
  void limitCapsTheRecordsOfARun(WorkflowClient client, Worker worker) throws Exception {
    receiver.setDispatcher(answering(200));
    long configId = STORE.create(config("limited").paginated(true).pageSize(7).limit(10).build());

    SyncRunResult result =
        run(client, worker, SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));

    assertThat(externalIds(receivedBodies(2))).containsExactlyElementsOf(MATCHING.subList(0, 10));
    assertThat(result.sent()).isEqualTo(10);
  }

  private SyncConfig.Builder config(String name) {
    return SyncConfig.builder()
        .name(name)
        .model("res.partner")
        .filterDomain("[('customer_rank', '>', 0)]")
        .requestUrl(receiver.url("/crm/customers").toString())
        .httpMethod("POST")
        .line(SyncConfig.Line.identifier("id", "external_id"))
        .line(SyncConfig.Line.plain("name", "full_name"))
        .line(SyncConfig.Line.plain("email", "contact.email"))
        .line(SyncConfig.Line.plain("credit_limit", "credit"));
  }

  private static SyncRunWorkflow newWorkflow(WorkflowClient client, Worker worker) {
    return client.newWorkflowStub(
        SyncRunWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).build());
  }

  private static SyncRunResult run(WorkflowClient client, Worker worker, SyncRunInput input) {
    SyncRunWorkflow workflow = newWorkflow(client, worker);
    return workflow.run(input);
  }

  private static Dispatcher answering(int status) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(status).build();
      }
    };
  }

  private List<JsonNode> receivedBodies(int count) throws Exception {
    List<JsonNode> bodies = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      bodies.add(JSON.readTree(receiver.takeRequest(5, SECONDS).getBody().utf8()));
    }
    return bodies;
  }

  private static List<Long> externalIds(List<JsonNode> bodies) {
    List<Long> ids = new ArrayList<>();
    for (JsonNode body : bodies) {
      if (body.isArray()) {
        body.forEach(record -> ids.add(record.get("external_id").asLong()));
      } else {
        ids.add(body.get("external_id").asLong());
      }
    }
    return ids;
  }
}
