package dev.apisync.worker;

import static dev.apisync.activities.config.SampleConfigs.posting;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.config.SyncConfig;
import dev.apisync.workflows.RecordFailure;
import dev.apisync.workflows.RetrySettings;
import dev.apisync.workflows.SyncRunInput;
import dev.apisync.workflows.SyncRunResult;
import dev.apisync.workflows.SyncRunWorkflow;
import dev.apisync.workflows.Trigger;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 4's scripted failures, one record per run unless said otherwise: what is retried, after how
 * long (the test server's clock skips the waits and shows them), and what fails at once.
 */
class DeliveryRetryTest {

  @AutoClose private static final WorkflowTestRig RIG = WorkflowTestRig.create("retry");

  @RegisterExtension static final TestWorkflowExtension TEMPORAL = RIG.temporal();

  @StartStop final MockWebServer receiver = new MockWebServer();

  @BeforeAll
  static void databases() {
    RIG.createPartners(50);
  }

  @Test
  void retriesOn503ThenSucceeds(WorkflowClient client, Worker worker) throws Exception {
    receiver.enqueue(new MockResponse.Builder().code(503).build());
    receiver.enqueue(new MockResponse.Builder().code(503).build());
    receiver.enqueue(new MockResponse.Builder().code(200).build());

    SyncRunResult result = runOneRecord(client, worker, config("503 twice"));

    assertThat(result.sent()).isEqualTo(1);
    assertThat(receiver.getRequestCount()).isEqualTo(3);
    String key = receiver.takeRequest(1, SECONDS).getHeaders().get("Idempotency-Key");
    assertThat(receiver.takeRequest(1, SECONDS).getHeaders().get("Idempotency-Key")).isEqualTo(key);
    assertThat(receiver.takeRequest(1, SECONDS).getHeaders().get("Idempotency-Key")).isEqualTo(key);
  }

  @Test
  void honoursRetryAfterOn429(TestWorkflowEnvironment env, WorkflowClient client, Worker worker)
      throws Exception {
    receiver.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());
    receiver.enqueue(new MockResponse.Builder().code(200).build());
    long before = env.currentTimeMillis();

    SyncRunResult result = runOneRecord(client, worker, config("429 then 200"));

    assertThat(result.sent()).isEqualTo(1);
    // The config's own backoff starts at 100 ms: only Retry-After explains two seconds.
    assertThat(env.currentTimeMillis() - before).isGreaterThanOrEqualTo(2_000);
  }

  @Test
  void retriesAfterAReadTimeout(WorkflowClient client, Worker worker) throws Exception {
    receiver.enqueue(new MockResponse.Builder().code(200).headersDelay(3, SECONDS).build());
    receiver.enqueue(new MockResponse.Builder().code(200).build());

    SyncRunResult result = runOneRecord(client, worker, config("slow then fine").readTimeout(1));

    assertThat(result.sent()).isEqualTo(1);
    assertThat(receiver.getRequestCount()).isEqualTo(2);
  }

  @Test
  void failsFastOn401WithoutRetrying(WorkflowClient client, Worker worker) throws Exception {
    receiver.enqueue(new MockResponse.Builder().code(401).body("bad token").build());
    receiver.enqueue(new MockResponse.Builder().code(200).build());

    SyncRunResult result = runOneRecord(client, worker, config("401"));

    assertThat(result.sent()).isZero();
    assertThat(receiver.getRequestCount()).isEqualTo(1);
    RecordFailure failure = result.failures().getFirst();
    assertThat(failure.status()).isEqualTo(401);
    assertThat(failure.reason()).contains("401").contains("bad token");
  }

  @Test
  void aRefusedRecordInAPageOfFiftyIsIsolatedAndTheOther49Delivered(
      WorkflowClient client, Worker worker) throws Exception {
    receiver.setDispatcher(
        new mockwebserver3.Dispatcher() {
          @Override
          public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
            boolean refused = request.getBody().utf8().contains("\"id\":17,");
            return new MockResponse.Builder().code(refused ? 400 : 200).body("no").build();
          }
        });
    long configId = RIG.store.create(config("page of 50").paginated(true).pageSize(50).build());

    SyncRunResult result =
        newRun(client, worker).run(SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));

    assertThat(result.sent()).isEqualTo(49);
    assertThat(result.failures()).extracting(RecordFailure::recordId).containsExactly(17L);
    List<Integer> logged =
        JdbcClient.create(RIG.apisync)
            .sql("SELECT cardinality(record_ids) FROM request_log WHERE config_id = ? ORDER BY id")
            .param(configId)
            .query(Integer.class)
            .list();
    // The page, then halves down to the one refused record: the bisection, in the request log.
    assertThat(logged.getFirst()).isEqualTo(50);
    assertThat(logged).contains(25, 1);
    assertThat(logged.stream().mapToInt(Integer::intValue).sum()).isLessThan(50 * 4);
  }

  private SyncConfig.Builder config(String name) {
    return posting(name, "res.partner", receiver.url("/partners").toString())
        .retry(new RetrySettings(5, 100, 2.0, 10_000))
        .line(SyncConfig.Line.identifier("id", "id"))
        .line(SyncConfig.Line.plain("name", "name"));
  }

  private static SyncRunResult runOneRecord(
      WorkflowClient client, Worker worker, SyncConfig.Builder config) {
    long configId = RIG.store.create(config.build());
    return newRun(client, worker)
        .run(SyncRunInput.of(configId, List.of(1L), Trigger.MANUAL, false));
  }

  private static SyncRunWorkflow newRun(WorkflowClient client, Worker worker) {
    return RIG.newRun(client, worker);
  }
}
