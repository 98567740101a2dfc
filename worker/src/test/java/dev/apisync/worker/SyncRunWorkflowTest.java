package dev.apisync.worker;

import static dev.apisync.activities.config.SampleConfigs.posting;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import dev.apisync.activities.config.Auth;
import dev.apisync.activities.config.SyncConfig;
import dev.apisync.activities.runs.RunRecord;
import dev.apisync.workflows.DeliveryRequest;
import dev.apisync.workflows.RecordFailure;
import dev.apisync.workflows.RunStatus;
import dev.apisync.workflows.SliceResult;
import dev.apisync.workflows.SyncProgress;
import dev.apisync.workflows.SyncRunInput;
import dev.apisync.workflows.SyncRunResult;
import dev.apisync.workflows.SyncRunWorkflow;
import dev.apisync.workflows.Trigger;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AutoClose;
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

  @AutoClose private static final WorkflowTestRig RIG = WorkflowTestRig.create("wf");

  @RegisterExtension static final TestWorkflowExtension TEMPORAL = RIG.temporal();

  @StartStop final MockWebServer receiver = new MockWebServer();

  @BeforeAll
  static void databases() {
    JdbcClient source = JdbcClient.create(RIG.source);
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

  /** Sixty notes of ten thousand characters each: pages of thirty are ~300 KB of JSON. */
  @BeforeAll
  static void bigNotes() {
    JdbcClient source = JdbcClient.create(RIG.source);
    source.sql("CREATE TABLE x_big_note (id serial PRIMARY KEY, body text NOT NULL)").update();
    source
        .sql(
            "INSERT INTO x_big_note (body)"
                + " SELECT repeat('n', 10000) || g FROM generate_series(1, 60) AS g")
        .update();
  }

  @Test
  void paginatedRunSendsFifteenArraysOfSevenEachRecordOnceInIdOrder(
      WorkflowClient client, Worker worker) throws Exception {
    receiver.setDispatcher(answering(201));
    long configId = RIG.store.create(config("paginated").paginated(true).pageSize(7).build());

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
    long configId = RIG.store.create(config("unpaginated").pageSize(7).build());

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
  void aStoredConfigAimedAtInternalAddressesFailsItsRecordsWithTheEgressReason(
      WorkflowClient client, Worker worker) {
    // Stored directly, as if validation had been bypassed (or DNS changed since): the worker
    // refuses before connecting. No socket is opened toward these (DeliveryEgressTest counts).
    long metadata =
        RIG.store.create(
            config("metadata").requestUrl("http://169.254.169.254/latest/meta-data").build());
    long privateNet = RIG.store.create(config("private").requestUrl("http://10.0.0.1/").build());

    SyncRunResult toMetadata =
        run(client, worker, SyncRunInput.of(metadata, List.of(1L, 2L), Trigger.MANUAL, false));
    SyncRunResult toPrivate =
        run(client, worker, SyncRunInput.of(privateNet, List.of(3L), Trigger.MANUAL, false));

    assertThat(toMetadata.sent()).isZero();
    assertThat(toMetadata.failures()).extracting(RecordFailure::recordId).containsExactly(1L, 2L);
    assertThat(toMetadata.failures())
        .allSatisfy(
            failure ->
                assertThat(failure.reason())
                    .startsWith("egress refused: 169.254.169.254 is a link-local address"));
    assertThat(toPrivate.failures())
        .singleElement()
        .satisfies(
            failure ->
                assertThat(failure.reason())
                    .startsWith("egress refused: 10.0.0.1 is a private address (RFC 1918)"));
    assertThat(
            JdbcClient.create(RIG.apisync)
                .sql("SELECT DISTINCT outcome FROM request_log WHERE config_id IN (:ids)")
                .param("ids", List.of(metadata, privateNet))
                .query(String.class)
                .list())
        .containsExactly("FAILED");
  }

  @Test
  void receiverRefusingOneRecordFailsJustThatRecord(WorkflowClient client, Worker worker)
      throws Exception {
    receiver.setDispatcher(refusingRecord(42));
    long configId = RIG.store.create(config("one refused").pageSize(25).build());

    SyncRunResult result =
        run(client, worker, SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));

    assertThat(result.sent()).isEqualTo(99);
    assertThat(result.failed()).isEqualTo(1);
    RecordFailure failure = result.failures().getFirst();
    assertThat(failure.recordId()).isEqualTo(42);
    assertThat(failure.status()).isEqualTo(400);
    assertThat(failure.attempts()).isEqualTo(1);
    assertThat(failure.reason()).contains("HTTP 400", "email taken");
  }

  @Test
  void continueAsNewCarriesCursorAndCounts(WorkflowClient client, Worker worker) throws Exception {
    // A slow receiver (400 ms a page) makes a run of ten pages take several slices (a slice starts
    // no page after two seconds); a budget of one event continues as new after every slice.
    receiver.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder().code(200).headersDelay(400, MILLISECONDS).build();
          }
        });
    long configId = RIG.store.create(config("continued").paginated(true).pageSize(10).build());
    SyncRunInput input =
        new SyncRunInput(
            configId,
            List.of(),
            Trigger.MANUAL,
            false,
            1,
            dev.apisync.workflows.RunCheckpoint.FRESH,
            false,
            "");

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
    long configId = RIG.store.create(config("explicit ids").build());

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
    long configId = RIG.store.create(config("dry").paginated(true).pageSize(50).build());

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
    long configId =
        RIG.store.create(config("limited").paginated(true).pageSize(7).limit(10).build());

    SyncRunResult result =
        run(client, worker, SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));

    assertThat(externalIds(receivedBodies(2))).containsExactlyElementsOf(MATCHING.subList(0, 10));
    assertThat(result.sent()).isEqualTo(10);
  }

  @Test
  void concurrencyKeepsThatManyRequestsInFlightAndRecordsResultsInOrder(
      WorkflowClient client, Worker worker) throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger mostInFlight = new AtomicInteger();
    CountDownLatch fourArrived = new CountDownLatch(4);
    receiver.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            fourArrived.countDown();
            // Hold the first requests until four are in flight at once (or give up).
            fourArrived.await(10, SECONDS);
            inFlight.decrementAndGet();
            boolean refused = request.getBody().utf8().contains("\"external_id\":7,");
            return new MockResponse.Builder().code(refused ? 422 : 200).build();
          }
        });
    long configId = RIG.store.create(config("concurrent").pageSize(20).concurrency(4).build());

    SyncRunResult result =
        run(client, worker, SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));

    assertThat(mostInFlight.get()).isEqualTo(4);
    assertThat(result.sent()).isEqualTo(99);
    assertThat(result.failures()).extracting(RecordFailure::recordId).containsExactly(7L);
    assertThat(externalIds(receivedBodies(100))).containsExactlyInAnyOrderElementsOf(MATCHING);
  }

  @Test
  void aPageRefusedForOneRecordIsSplitUntilThatRecordIsIsolated(
      WorkflowClient client, Worker worker) throws Exception {
    receiver.setDispatcher(refusingRecord(42));
    long configId = RIG.store.create(config("bisected").paginated(true).pageSize(50).build());

    SyncRunResult result =
        run(client, worker, SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));

    assertThat(result.sent()).isEqualTo(99);
    assertThat(result.failures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.recordId()).isEqualTo(42);
              assertThat(failure.status()).isEqualTo(400);
              assertThat(failure.reason()).contains("email taken");
            });
    // 1 page of 50 refused, then halves 25+25, 12+13, 6+7, 3+3 or 4+3..., down to [42] alone.
    List<JsonNode> bodies = receivedBodies(receiver.getRequestCount());
    assertThat(bodies.getFirst().size()).isEqualTo(50);
    assertThat(bodies)
        .anySatisfy(body -> assertThat(externalIds(List.of(body))).containsExactly(42L));
    assertThat(receiver.getRequestCount()).isLessThan(20);
  }

  @Test
  void progressAnswersTheRunsCounters(WorkflowClient client, Worker worker) throws Exception {
    receiver.setDispatcher(answering(200));
    long configId = RIG.store.create(config("progress").paginated(true).pageSize(30).build());
    SyncRunWorkflow workflow = newWorkflow(client, worker);

    workflow.run(SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));

    SyncProgress progress = workflow.progress();
    assertThat(progress.pages()).isEqualTo(4);
    assertThat(progress.sent()).isEqualTo(100);
    assertThat(progress.lastRecordId()).isEqualTo(100);
  }

  @Test
  void aRunRecordsItselfAndEveryFailedRecordInTheRunsTable(WorkflowClient client, Worker worker)
      throws Exception {
    receiver.setDispatcher(refusingRecord(42));
    long configId = RIG.store.create(config("recorded").pageSize(25).build());
    SyncRunWorkflow workflow = newWorkflow(client, worker);

    workflow.run(SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));

    String workflowId = WorkflowStub.fromTyped(workflow).getExecution().getWorkflowId();
    RunRecord run = RIG.runs.find(workflowId).orElseThrow();
    assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(run.configName()).isEqualTo("recorded");
    assertThat(run.trigger()).isEqualTo("MANUAL");
    assertThat(run.pages()).isEqualTo(4);
    assertThat(run.sent()).isEqualTo(99);
    assertThat(run.failed()).isEqualTo(1);
    assertThat(run.finishedAt()).isPresent();
    assertThat(RIG.runs.failedRecordIds(workflowId)).containsExactly(42L);
  }

  /**
   * A cancel reaches the running slice (through the runs table, within its heartbeat): no new
   * request starts, the one in flight finishes, and the run reports exactly what reached the
   * receiver, in the runs table and the request log. The receiver is slow after the third request,
   * so the run is far from done when it stops.
   */
  @Test
  void cancelingFinishesTheRequestInFlightAndReportsWhatWasSent(
      WorkflowClient client, Worker worker) throws Exception {
    CountDownLatch thirdArrived = new CountDownLatch(1);
    CountDownLatch releaseThird = new CountDownLatch(1);
    AtomicInteger received = new AtomicInteger();
    receiver.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            int count = received.incrementAndGet();
            if (count == 3) {
              thirdArrived.countDown();
              releaseThird.await(10, SECONDS);
            }
            return new MockResponse.Builder()
                .code(200)
                .headersDelay(count > 3 ? 50 : 0, MILLISECONDS)
                .build();
          }
        });
    long configId = RIG.store.create(config("canceled").build());
    SyncRunWorkflow workflow = newWorkflow(client, worker);
    WorkflowClient.start(
        workflow::run, SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));
    WorkflowStub stub = WorkflowStub.fromTyped(workflow);

    assertThat(thirdArrived.await(10, SECONDS)).isTrue();
    stub.cancel();
    releaseThird.countDown();

    assertThatThrownBy(() -> stub.getResult(SyncRunResult.class))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    String workflowId = stub.getExecution().getWorkflowId();
    RunRecord run = RIG.runs.find(workflowId).orElseThrow();
    assertThat(run.status()).isEqualTo(RunStatus.CANCELED);
    assertThat(received.get()).isBetween(3, MATCHING.size() - 1);
    assertThat(run.sent()).isEqualTo(received.get());
    assertThat(
            JdbcClient.create(RIG.apisync)
                .sql("SELECT count(*) FROM request_log WHERE workflow_id = ? AND outcome = 'SENT'")
                .param(workflowId)
                .query(Integer.class)
                .single())
        .isEqualTo(received.get());
  }

  /**
   * Records 1 and 2 are answered 503, the rest of their page 200; the run is canceled while the
   * workflow would retry them. The run's recorded cursor stays before the first record it did not
   * finish, so a run retried from it (issue 10's resume) sends those rather than skipping them.
   */
  @Test
  void aCancelBeforeTheRetriesLeavesTheCursorBeforeTheUnretriedRecords(
      WorkflowClient client, Worker worker) throws Exception {
    CountDownLatch pageAnswered = new CountDownLatch(MATCHING.size());
    receiver.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            pageAnswered.countDown();
            String body = request.getBody().utf8();
            boolean refused =
                body.contains("\"external_id\":1,") || body.contains("\"external_id\":2,");
            return new MockResponse.Builder().code(refused ? 503 : 200).build();
          }
        });
    long configId = RIG.store.create(config("canceled before retries").build());
    SyncRunWorkflow workflow = newWorkflow(client, worker);
    WorkflowClient.start(
        workflow::run, SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));
    WorkflowStub stub = WorkflowStub.fromTyped(workflow);

    assertThat(pageAnswered.await(10, SECONDS)).isTrue();
    stub.cancel();

    assertThatThrownBy(() -> stub.getResult(SyncRunResult.class))
        .hasCauseInstanceOf(CanceledFailure.class);
    RunRecord run = RIG.runs.find(stub.getExecution().getWorkflowId()).orElseThrow();
    assertThat(run.status()).isEqualTo(RunStatus.CANCELED);
    assertThat(run.afterId()).isLessThanOrEqualTo(1);
  }

  /**
   * Auth is fetched at send time, so no secret is in any payload. Record data enters history only
   * with a request the workflow retries (here a page answered 503 once), and the codec seals it:
   * the raw history (what Temporal stores and {@code temporal workflow show} prints) holds neither,
   * and only decoding with the codec gives the records back.
   */
  @Test
  void historyHoldsNoSecretAndRecordDataOnlyEncrypted(WorkflowClient client, Worker worker)
      throws Exception {
    AtomicInteger requests = new AtomicInteger();
    receiver.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder()
                .code(requests.incrementAndGet() == 1 ? 503 : 200)
                .build();
          }
        });
    String password = "pa55-w0rd-never-in-history";
    String basic = Base64.getEncoder().encodeToString(("api_user:" + password).getBytes(UTF_8));
    long configId =
        RIG.store.create(
            config("basic auth")
                .paginated(true)
                .auth(new Auth.Basic("api_user", password))
                .header("X-Tenant", "acme")
                .build());
    SyncRunWorkflow workflow = newWorkflow(client, worker);

    workflow.run(SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));

    assertThat(receiver.takeRequest(5, SECONDS).getHeaders().get("Authorization"))
        .isEqualTo("Basic " + basic);
    WorkflowExecutionHistory history =
        client.fetchHistory(WorkflowStub.fromTyped(workflow).getExecution().getWorkflowId());
    String json = history.toJson(true);
    List<Payload> payloads = new ArrayList<>();
    history.getEvents().forEach(event -> collectPayloads(event, payloads));
    String raw =
        payloads.stream().map(payload -> payload.getData().toString(UTF_8)).toList().toString();
    String decoded =
        RIG.codec.decode(payloads).stream()
            .map(payload -> payload.getData().toString(UTF_8))
            .toList()
            .toString();
    assertThat(payloads).isNotEmpty();
    assertThat(json + raw)
        .doesNotContain(password, basic, "full_name", "Partner 7", "p7@example.com");
    assertThat(decoded).contains("full_name", "Partner 7", "p7@example.com");
    assertThat(decoded).doesNotContain(password, basic);
  }

  /**
   * When every request succeeds nothing per record goes through history: a run of a hundred
   * requests is a few dozen events, none of them holding record data, even decoded.
   */
  @Test
  void aRunWhoseRequestsAllSucceedKeepsItsRecordsOutOfHistory(WorkflowClient client, Worker worker)
      throws Exception {
    receiver.setDispatcher(answering(200));
    long configId = RIG.store.create(config("lean history").build());
    SyncRunWorkflow workflow = newWorkflow(client, worker);

    SyncRunResult result =
        workflow.run(SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));

    assertThat(result.sent()).isEqualTo(MATCHING.size());
    WorkflowExecutionHistory history =
        client.fetchHistory(WorkflowStub.fromTyped(workflow).getExecution().getWorkflowId());
    List<Payload> payloads = new ArrayList<>();
    history.getEvents().forEach(event -> collectPayloads(event, payloads));
    String decoded =
        RIG.codec.decode(payloads).stream()
            .map(payload -> payload.getData().toString(UTF_8))
            .toList()
            .toString();
    assertThat(decoded).contains("lean history").doesNotContain("Partner 7", "p7@example.com");
    assertThat(history.getEvents()).hasSizeLessThan(40);
  }

  /**
   * A slice hands requests that need a second attempt back with their records only up to {@link
   * SliceResult#MAX_CARRIED_BYTES}; beyond that they go back as ids, and the workflow maps them
   * again, so no result nears Temporal's payload limit. Two ~300 KB pages answered 503 together:
   * both are retried and every note is delivered.
   */
  @Test
  void aPageOverHalfAMegabyteOfJsonGoesAsSeveralRequests(WorkflowClient client, Worker worker)
      throws Exception {
    receiver.setDispatcher(answering(200));
    long configId = RIG.store.create(bigNotes("one big page", 60).build());

    SyncRunResult result =
        run(client, worker, SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));

    // Sixty notes of ~10 KB: more than the 512 KiB a request may carry, so two requests.
    List<JsonNode> bodies = receivedBodies(2);
    assertThat(externalIds(bodies))
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 60).boxed().toList());
    assertThat(bodies)
        .allSatisfy(
            body ->
                assertThat(JSON.writeValueAsString(body).length())
                    .isLessThanOrEqualTo((int) DeliveryRequest.MAX_RECORD_BYTES + 1_000));
    assertThat(result.sent()).isEqualTo(60);
    assertThat(receiver.getRequestCount()).isEqualTo(2);
  }

  @Test
  void bigPagesNeedingRetriesAreMappedAgainRatherThanCarriedThroughHistory(
      WorkflowClient client, Worker worker) throws Exception {
    AtomicInteger requests = new AtomicInteger();
    receiver.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            boolean first = requests.incrementAndGet() <= 2;
            // The first two wait, so that both pages are out before either answers.
            return new MockResponse.Builder()
                .code(first ? 503 : 200)
                .headersDelay(first ? 300 : 0, MILLISECONDS)
                .build();
          }
        });
    long configId = RIG.store.create(bigNotes("big notes", 30).concurrency(2).build());

    SyncRunWorkflow workflow = newWorkflow(client, worker);

    SyncRunResult result =
        workflow.run(SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));

    assertThat(result.sent()).isEqualTo(60);
    assertThat(result.failed()).isZero();
    assertThat(requests.get()).isEqualTo(4);
    // One page came back with its records, the other as ids, mapped again by the workflow.
    WorkflowExecutionHistory history =
        client.fetchHistory(WorkflowStub.fromTyped(workflow).getExecution().getWorkflowId());
    assertThat(
            history.getEvents().stream()
                .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
                .map(event -> event.getActivityTaskScheduledEventAttributes().getActivityType())
                .map(type -> type.getName())
                .toList())
        .containsOnlyOnce("MapRecords");
    List<String> keys = new ArrayList<>();
    List<Long> delivered = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      RecordedRequest request = receiver.takeRequest(5, SECONDS);
      keys.add(request.getHeaders().get("Idempotency-Key"));
      if (i >= 2) {
        JSON.readTree(request.getBody().utf8())
            .forEach(note -> delivered.add(note.get("external_id").asLong()));
      }
    }
    // Mapped again, the same records make the same body: the retries go under the same keys.
    assertThat(keys.subList(2, 4)).containsExactlyInAnyOrderElementsOf(keys.subList(0, 2));
    assertThat(delivered)
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 60).boxed().toList());
  }

  @Test
  void aRunFailingMoreThanItsMaxFailureRatioEndsFailedHavingSentTheRest(
      WorkflowClient client, Worker worker) throws Exception {
    receiver.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            boolean odd = request.getBody().utf8().matches(".*\"external_id\":\\d*[13579],.*");
            return new MockResponse.Builder().code(odd ? 409 : 200).build();
          }
        });
    long configId =
        RIG.store.create(config("mostly refused").pageSize(50).maxFailureRatio(0.25).build());
    SyncRunWorkflow workflow = newWorkflow(client, worker);

    assertThatThrownBy(
            () -> workflow.run(SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false)))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause()
        .hasMessageContaining("maxFailureRatio");
    RunRecord run =
        RIG.runs
            .find(WorkflowStub.fromTyped(workflow).getExecution().getWorkflowId())
            .orElseThrow();
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.sent()).isEqualTo(50);
    assertThat(run.failed()).isEqualTo(50);
    assertThat(run.error()).contains("maxFailureRatio");
  }

  private SyncConfig.Builder config(String name) {
    return posting(name, "res.partner", receiver.url("/crm/customers").toString())
        .filterDomain("[('customer_rank', '>', 0)]")
        .line(SyncConfig.Line.identifier("id", "external_id"))
        .line(SyncConfig.Line.plain("name", "full_name"))
        .line(SyncConfig.Line.plain("email", "contact.email"))
        .line(SyncConfig.Line.plain("credit_limit", "credit"));
  }

  private static SyncRunWorkflow newWorkflow(WorkflowClient client, Worker worker) {
    return RIG.newRun(client, worker);
  }

  private static SyncRunResult run(WorkflowClient client, Worker worker, SyncRunInput input) {
    SyncRunWorkflow workflow = newWorkflow(client, worker);
    return workflow.run(input);
  }

  /** Every {@link Payload} anywhere in a history event (inputs, results, memo, metadata, ...). */
  private static void collectPayloads(Message message, List<Payload> into) {
    if (message instanceof Payload payload) {
      into.add(payload);
      return;
    }
    message
        .getAllFields()
        .forEach(
            (field, value) -> {
              if (field.getJavaType() != Descriptors.FieldDescriptor.JavaType.MESSAGE) {
                return;
              }
              if (field.isMapField() || field.isRepeated()) {
                for (Object item : (List<?>) value) {
                  collectPayloads((Message) item, into);
                }
              } else {
                collectPayloads((Message) value, into);
              }
            });
  }

  private static Dispatcher refusingRecord(long recordId) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        boolean refused = request.getBody().utf8().contains("\"external_id\":" + recordId + ",");
        return refused
            ? new MockResponse.Builder().code(400).body("{\"error\":\"email taken\"}").build()
            : new MockResponse.Builder().code(200).build();
      }
    };
  }

  /** The sixty ~10 KB notes, paginated, to the receiver. */
  private SyncConfig.Builder bigNotes(String name, int pageSize) {
    return posting(name, "x.big_note", receiver.url("/notes").toString())
        .filterDomain("[]")
        .line(SyncConfig.Line.identifier("id", "external_id"))
        .line(SyncConfig.Line.plain("body", "body"))
        .paginated(true)
        .pageSize(pageSize);
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
