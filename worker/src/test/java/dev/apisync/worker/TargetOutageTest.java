package dev.apisync.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apisync.activities.config.SyncConfig;
import dev.apisync.activities.runs.RunRecord;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.OutageSettings;
import dev.apisync.workflows.RetrySettings;
import dev.apisync.workflows.RunStatus;
import dev.apisync.workflows.SyncRunInput;
import dev.apisync.workflows.SyncRunResult;
import dev.apisync.workflows.SyncRunWorkflow;
import dev.apisync.workflows.Trigger;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10: the target goes down in the middle of a per-record run and comes back. Once a fifth of
 * the records arrived the receiver drops every connection without an answer, for {@code
 * APISYNC_TEST_OUTAGE_SECONDS} (3 by default; CI sets 120). Meanwhile the run waits as a whole,
 * saying so in its progress, and no record is charged or failed; afterwards every record arrives, a
 * record sent twice (its request was out as the receiver stopped) always under one key. Timers take
 * real time here, as the circuit's probes are on the wall clock.
 */
class TargetOutageTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RECORDS = 500;

  @AutoClose
  private static final WorkflowTestRig RIG =
      WorkflowTestRig.create(
          "outage", new CircuitProperties(Duration.ofMillis(200), Duration.ofSeconds(1)));

  @RegisterExtension static final TestWorkflowExtension TEMPORAL = RIG.temporal();

  private final Map<Long, Set<String>> keysByRecord = new ConcurrentHashMap<>();
  private final CountDownLatch fifthDelivered = new CountDownLatch(RECORDS / 5);

  /** While set, the receiver drops every connection without an answer, as a dead target does. */
  private volatile boolean down;

  /** Set by the test that takes the receiver down itself once a fifth of the records arrived. */
  private volatile boolean goDownAfterAFifth;

  @StartStop private final MockWebServer receiver = receiver();

  @BeforeAll
  static void databases() {
    RIG.createPartners(RECORDS);
  }

  @Test
  void aRunWaitsOutItsTargetsOutageAndThenDeliversEveryRecordUncharged(
      TestWorkflowEnvironment environment, Worker worker) throws Exception {
    WorkflowClient client = RIG.realTimeClient(environment);
    long configId =
        RIG.store.create(
            perRecordPut(receiver.url("/partners/{id}").toString(), 4)
                .retry(new RetrySettings(3, 100, 2.0, 1_000))
                .outage(new OutageSettings(3, 60, 10))
                .line(SyncConfig.Line.plain("name", "name"))
                .build());
    goDownAfterAFifth = true;
    SyncRunWorkflow run = RIG.newRun(client, worker);
    WorkflowClient.start(run::run, SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));

    assertThat(fifthDelivered.await(60, TimeUnit.SECONDS)).isTrue();
    // The run pauses as a whole: waiting, nothing failed, for as long as the target is down.
    await().atMost(Duration.ofMinutes(1)).until(() -> !run.progress().waiting().isEmpty());
    assertThat(run.progress().waiting()).contains("unavailable since").contains("next probe at");
    await()
        .during(outage())
        .atMost(outage().plusSeconds(30))
        .until(() -> !run.progress().waiting().isEmpty() && run.progress().failed() == 0);
    down = false;
    SyncRunResult result =
        WorkflowStub.fromTyped(run).getResult(2, TimeUnit.MINUTES, SyncRunResult.class);

    assertThat(result.failures()).isEmpty();
    assertThat(result.sent()).isEqualTo(RECORDS);
    assertThat(keysByRecord.keySet())
        .containsExactlyInAnyOrderElementsOf(
            LongStream.rangeClosed(1, RECORDS).boxed().collect(Collectors.toSet()));
    assertThat(keysByRecord.values()).allSatisfy(keys -> assertThat(keys).hasSize(1));
  }

  @Test
  void aRunFailsOnceItsTargetIsDownLongerThanMaxOutageAndKeepsItsCursor(
      WorkflowClient client, Worker worker) throws Exception {
    down = true;
    long configId =
        RIG.store.create(
            perRecordPut(receiver.url("/gone/{id}").toString(), 2)
                .retry(new RetrySettings(10, 100, 2.0, 1_000))
                .outage(new OutageSettings(3, 60, 1))
                .build());
    SyncRunWorkflow run = RIG.newRun(client, worker);

    // The test server skips the run's timers: its minute of waiting passes at once.
    assertThatThrownBy(() -> run.run(SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false)))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause()
        .hasMessageContaining("unavailable since")
        .hasMessageContaining("longer than the config's maxOutageMinutes (1)");

    RunRecord recorded =
        RIG.runs.find(WorkflowStub.fromTyped(run).getExecution().getWorkflowId()).orElseThrow();
    assertThat(recorded.status()).isEqualTo(RunStatus.FAILED);
    assertThat(recorded.failed()).isZero();
    assertThat(recorded.afterId()).isZero(); // no record got through: a retry starts at the first
  }

  /** A config sending each partner as its own PUT to {@code url}, {@code concurrency} at once. */
  private static SyncConfig.Builder perRecordPut(String url, int concurrency) {
    return SyncConfig.builder()
        .name("outage " + url)
        .model("res.partner")
        .requestUrl(url)
        .httpMethod(HttpMethod.PUT)
        .connectTimeout(1)
        .readTimeout(2)
        .concurrency(concurrency)
        .line(SyncConfig.Line.identifier("id", "id"));
  }

  /** The receiver: every record id it took, with the keys it came under. */
  private MockWebServer receiver() {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (down) {
              return new MockResponse.Builder()
                  .onResponseStart(new SocketEffect.CloseSocket(true, true, true))
                  .build();
            }
            try {
              long id = JSON.readTree(request.getBody().utf8()).get("id").asLong();
              keysByRecord
                  .computeIfAbsent(id, any -> ConcurrentHashMap.newKeySet())
                  .add(request.getHeaders().get("Idempotency-Key"));
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
            synchronized (fifthDelivered) {
              fifthDelivered.countDown();
              // The receiver goes down itself, so the outage falls mid-run however fast the run.
              if (goDownAfterAFifth && fifthDelivered.getCount() == 0) {
                goDownAfterAFifth = false;
                down = true;
              }
            }
            return new MockResponse.Builder().code(200).build();
          }
        });
    return server;
  }

  private static Duration outage() {
    String seconds = System.getenv("APISYNC_TEST_OUTAGE_SECONDS");
    return Duration.ofSeconds(seconds == null || seconds.isBlank() ? 3 : Long.parseLong(seconds));
  }
}
