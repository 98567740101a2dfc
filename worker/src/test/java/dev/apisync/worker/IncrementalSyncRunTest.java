package dev.apisync.worker;

import static dev.apisync.activities.config.SampleConfigs.posting;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apisync.activities.config.StoredConfig;
import dev.apisync.activities.config.SyncConfig;
import dev.apisync.activities.testing.TestPostgres;
import dev.apisync.workflows.SyncRunInput;
import dev.apisync.workflows.SyncRunResult;
import dev.apisync.workflows.Trigger;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Incremental sync: a run sends only records written after the config's watermark, and a completed
 * run moves the watermark to the highest write_date it saw.
 */
class IncrementalSyncRunTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  @AutoClose private static final WorkflowTestRig RIG = WorkflowTestRig.create("incr");

  @RegisterExtension static final TestWorkflowExtension TEMPORAL = RIG.temporal();

  @StartStop final MockWebServer receiver = new MockWebServer();

  @BeforeAll
  static void databases() {
    TestPostgres.execute(
        RIG.source,
        """
        CREATE TABLE res_partner (
          id serial PRIMARY KEY,
          name varchar NOT NULL,
          active boolean NOT NULL DEFAULT true,
          write_date timestamp);
        INSERT INTO res_partner (name, write_date) SELECT 'Partner ' || g,
          timestamp '2026-11-01 08:00:00' + g * interval '1 minute' FROM generate_series(1, 30) AS g;
        -- A record without a write date: it cannot be placed against a watermark, so it is always
        -- sent.
        INSERT INTO res_partner (name, write_date) VALUES ('Undated', NULL);
        """);
  }

  @Test
  void secondRunSendsExactlyTheRecordChangedSinceTheFirst(WorkflowClient client, Worker worker)
      throws Exception {
    long configId = RIG.store.create(config("incremental partners").build());

    SyncRunResult first = run(client, worker, configId);

    assertThat(first.sent()).isEqualTo(31);
    assertThat(names(31)).hasSize(31);
    assertThat(watermark(configId)).isEqualTo("2026-11-01T08:30:00.000000");

    JdbcClient.create(RIG.source)
        .sql(
            "UPDATE res_partner SET name = 'Changed', write_date = timestamp '2026-11-02 09:15:00.25'"
                + " WHERE id = 7")
        .update();
    SyncRunResult second = run(client, worker, configId);

    assertThat(second.sent()).isEqualTo(2);
    assertThat(names(2)).containsExactly("Changed", "Undated");
    assertThat(watermark(configId)).isEqualTo("2026-11-02T09:15:00.250000");
    assertThat(receiver.getRequestCount()).isEqualTo(33);
  }

  @Test
  void dryRunsAndFailedRunsLeaveTheWatermark(WorkflowClient client, Worker worker)
      throws Exception {
    long configId = RIG.store.create(notSeven(config("incremental held")).build());
    RIG.store.setWatermark(configId, java.time.LocalDateTime.parse("2026-11-01T08:25:00"));

    SyncRunResult dry =
        RIG.newRun(client, worker).run(SyncRunInput.of(configId, List.of(), Trigger.MANUAL, true));
    assertThat(dry.sent()).isEqualTo(6); // ids 26..30 and the undated record
    assertThat(watermark(configId)).isEqualTo("2026-11-01T08:25:00.000000");

    RIG.store.replace(configId, notSeven(config("incremental held")).maxFailureRatio(0.1).build());
    receiver.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            boolean refused = request.getBody().utf8().contains("Partner 27");
            return new MockResponse.Builder().code(refused ? 400 : 200).build();
          }
        });
    // More than maxFailureRatio of the records fail: the run ends FAILED, having sent the rest.
    assertThatThrownBy(() -> run(client, worker, configId))
        .isInstanceOf(WorkflowFailedException.class);
    assertThat(receiver.getRequestCount()).isEqualTo(6);
    assertThat(watermark(configId)).isEqualTo("2026-11-01T08:25:00.000000");
  }

  @Test
  void aScheduleMayAskForAnIncrementalRunOfAPlainConfig(WorkflowClient client, Worker worker)
      throws Exception {
    long configId = RIG.store.create(config("asked incrementally").incremental(false).build());
    RIG.store.setWatermark(configId, java.time.LocalDateTime.parse("2026-11-01T08:28:00"));

    SyncRunResult result =
        RIG.newRun(client, worker)
            .run(SyncRunInput.of(configId, List.of(), Trigger.SCHEDULE, false).incrementally());

    assertThat(result.sent()).isEqualTo(3); // ids 29, 30 and the undated record
    assertThat(watermark(configId)).isEqualTo("2026-11-01T08:30:00.000000");
  }

  @BeforeEach
  void answerOk() {
    receiver.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder().code(200).build();
          }
        });
  }

  private SyncConfig.Builder config(String name) {
    return posting(name, "res.partner", receiver.url("/crm/customers").toString())
        .incremental(true)
        .line(SyncConfig.Line.identifier("id", "external_id"))
        .line(SyncConfig.Line.plain("name", "name"));
  }

  /** Leaves out the record another test changes, so the tests do not depend on their order. */
  private static SyncConfig.Builder notSeven(SyncConfig.Builder config) {
    return config.filterDomain("[('id', '!=', 7)]");
  }

  private static SyncRunResult run(WorkflowClient client, Worker worker, long configId) {
    return RIG.newRun(client, worker)
        .run(SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));
  }

  private static String watermark(long configId) {
    return RIG.store.find(configId).map(StoredConfig::watermark).orElseThrow();
  }

  private List<String> names(int count) throws Exception {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      RecordedRequest request = receiver.takeRequest(5, SECONDS);
      assertThat(request).as("request %d of %d", i + 1, count).isNotNull();
      JsonNode body = JSON.readTree(request.getBody().utf8());
      names.add(body.get("name").asText());
    }
    return names;
  }
}
