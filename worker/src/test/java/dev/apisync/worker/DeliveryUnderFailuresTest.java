package dev.apisync.worker;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apisync.activities.config.SyncConfig;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.OutageSettings;
import dev.apisync.workflows.RetrySettings;
import dev.apisync.workflows.SyncRunInput;
import dev.apisync.workflows.SyncRunResult;
import dev.apisync.workflows.SyncRunWorkflow;
import dev.apisync.workflows.Trigger;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * Issue 4's acceptance run: 10,000 records against a receiver that answers 20 % of requests with
 * 503, 5 % with 429 + Retry-After, times out on 5 % and resets 2 % of connections. Every record
 * arrives, and the receiver sees exactly one Idempotency-Key per request the run meant to send.
 * Backoff and Retry-After waits are skipped by the test server's clock; timeouts are real (1 s).
 */
class DeliveryUnderFailuresTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RECORDS = 10_000;
  private static final int PAGE_SIZE = 100;

  @AutoClose private static final WorkflowTestRig RIG = WorkflowTestRig.create("chaos");

  @RegisterExtension static final TestWorkflowExtension TEMPORAL = RIG.temporal();

  @StartStop final MockWebServer receiver = new MockWebServer();

  @BeforeAll
  static void databases() {
    RIG.createPartners(RECORDS);
  }

  @Test
  void everyRecordArrivesWithOneKeyPerRequestDespiteFailuresTimeoutsAndResets(
      WorkflowClient client, Worker worker) throws Exception {
    Set<String> keys = ConcurrentHashMap.newKeySet();
    Set<Long> delivered = ConcurrentHashMap.newKeySet();
    Random chaos = new Random(42);
    receiver.setDispatcher(
        new Dispatcher() {
          @Override
          public synchronized MockResponse dispatch(RecordedRequest request) {
            keys.add(request.getHeaders().get("Idempotency-Key"));
            double roll = chaos.nextDouble();
            if (roll < 0.20) {
              return new MockResponse.Builder().code(503).build();
            } else if (roll < 0.25) {
              return new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build();
            } else if (roll < 0.30) {
              return new MockResponse.Builder().code(200).headersDelay(3, SECONDS).build();
            } else if (roll < 0.32) {
              return new MockResponse.Builder()
                  .onResponseStart(new SocketEffect.CloseSocket(true, true, true))
                  .build();
            }
            try {
              for (JsonNode record : JSON.readTree(request.getBody().utf8())) {
                delivered.add(record.get("id").asLong());
              }
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
            return new MockResponse.Builder().code(200).build();
          }
        });
    long configId =
        RIG.store.create(
            SyncConfig.builder()
                .name("chaos")
                .model("res.partner")
                .requestUrl(receiver.url("/partners").toString())
                .httpMethod(HttpMethod.POST)
                .connectTimeout(1)
                .readTimeout(1)
                .paginated(true)
                .pageSize(PAGE_SIZE)
                .retry(new RetrySettings(30, 1_000, 2.0, 10_000))
                // Failures here are each request's own: the circuit (TargetOutageTest) stays shut.
                .outage(new OutageSettings(1_000, 60, 24 * 60))
                .line(SyncConfig.Line.identifier("id", "id"))
                .line(SyncConfig.Line.plain("name", "name"))
                .build());
    SyncRunWorkflow run = RIG.newRun(client, worker);

    SyncRunResult result = run.run(SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));

    assertThat(result.failures()).isEmpty();
    assertThat(result.sent()).isEqualTo(RECORDS);
    assertThat(new HashSet<>(delivered))
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, RECORDS).boxed().toList());
    assertThat(keys).hasSize(RECORDS / PAGE_SIZE);
    assertThat(receiver.getRequestCount()).isGreaterThan(RECORDS / PAGE_SIZE);
  }
}
