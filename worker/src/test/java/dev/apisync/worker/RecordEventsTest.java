package dev.apisync.worker;

import static dev.apisync.activities.config.SampleConfigs.posting;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apisync.activities.config.SyncConfig;
import dev.apisync.activities.events.EventBatch;
import dev.apisync.activities.events.EventTriggers;
import dev.apisync.activities.events.OutboxQueue;
import dev.apisync.activities.events.TriggerSettings;
import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.worker.events.DispatcherLoop;
import dev.apisync.worker.events.RecordEventDispatcher;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.WorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Record events end to end: a PostgreSQL trigger writes the outbox, the dispatcher claims and
 * batches it, and real sync runs (Temporal's test environment, the worker's activities) deliver to
 * a receiver on a socket.
 */
class RecordEventsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WINDOW = Duration.ofMillis(200);

  /** Runs for records created, and only for those. */
  private static final TriggerSettings ON_CREATE =
      new TriggerSettings(true, false, false, List.of());

  @AutoClose private static final WorkflowTestRig RIG = WorkflowTestRig.create("events");

  @RegisterExtension static final TestWorkflowExtension TEMPORAL = RIG.temporal();

  @StartStop final MockWebServer receiver = new MockWebServer();

  private final JdbcClient source = JdbcClient.create(RIG.source);
  private final OutboxQueue queue = new OutboxQueue(RIG.source);
  private EventTriggers triggers;
  private final List<Long> configs = new ArrayList<>();
  private DispatcherLoop loop;

  @BeforeAll
  static void sourceTable() {
    JdbcClient.create(RIG.source)
        .sql(
            """
            CREATE TABLE res_partner (
              id serial PRIMARY KEY,
              name varchar NOT NULL,
              email varchar,
              customer_rank integer NOT NULL DEFAULT 1,
              active boolean NOT NULL DEFAULT true)
            """)
        .update();
  }

  @BeforeEach
  void fresh() {
    triggers = new EventTriggers(RIG.source, new SourceCatalog(RIG.source));
    source.sql("TRUNCATE res_partner RESTART IDENTITY").update();
    receiver.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder().code(200).build();
          }
        });
  }

  @AfterEach
  void removeTriggers() {
    if (loop != null) {
      loop.stop();
      loop = null;
    }
    configs.forEach(triggers::remove);
    configs.clear();
  }

  @Test
  void createWatchedUpdateAndDeleteEachSendOneRequestAndAnUnwatchedUpdateNone(
      WorkflowClient client, Worker worker) throws Exception {
    long upserts =
        withTriggers(
            config("partner upserts", "POST").build(),
            new TriggerSettings(true, true, false, List.of("email")));
    long deletes =
        withTriggers(
            config("partner deletes", "DELETE").build(),
            new TriggerSettings(false, false, true, List.of()));
    startDispatcher(client, worker);

    source.sql("INSERT INTO res_partner (name, email) VALUES ('Ann', 'ann@a.example')").update();
    RecordedRequest created = take();
    assertThat(created.getMethod()).isEqualTo("POST");
    assertThat(body(created).toString())
        .isEqualTo("{\"external_id\":1,\"name\":\"Ann\",\"email\":\"ann@a.example\"}");

    source.sql("UPDATE res_partner SET email = 'ann@b.example' WHERE id = 1").update();
    assertThat(body(take()).get("email").asText()).isEqualTo("ann@b.example");

    source.sql("UPDATE res_partner SET name = 'Anne' WHERE id = 1").update();
    source.sql("DELETE FROM res_partner WHERE id = 1").update();
    RecordedRequest deleted = take();
    assertThat(deleted.getMethod()).isEqualTo("DELETE");
    // Built from the row as it was when deleted (the unwatched rename included).
    assertThat(body(deleted).toString())
        .isEqualTo("{\"external_id\":1,\"name\":\"Anne\",\"email\":\"ann@b.example\"}");

    awaitDelivered();
    assertThat(receiver.getRequestCount()).isEqualTo(3);
    assertThat(eventRuns(upserts)).isEqualTo(2);
    assertThat(eventRuns(deletes)).isEqualTo(1);
  }

  @Test
  void fiveHundredUpdatesInOneTransactionSendEachRecordOnceWithItsFinalValues(
      WorkflowClient client, Worker worker) throws Exception {
    source
        .sql("INSERT INTO res_partner (name) SELECT 'p' || g FROM generate_series(1, 50) AS g")
        .update();
    long configId =
        withTriggers(
            config("bulk updates", "POST").paginated(true).pageSize(100).build(),
            new TriggerSettings(false, true, false, List.of()));
    source
        .sql(
            """
            DO $$
            BEGIN
              FOR round IN 1..10 LOOP
                UPDATE res_partner SET name = 'p' || id || ' v' || round;
              END LOOP;
            END $$""")
        .update();
    assertThat(pendingEvents()).isEqualTo(500);
    startDispatcher(client, worker);

    JsonNode page = body(take());
    awaitDelivered();

    assertThat(receiver.getRequestCount()).isEqualTo(1);
    assertThat(page.size()).isEqualTo(50);
    for (int i = 0; i < 50; i++) {
      assertThat(page.get(i).get("external_id").asLong()).isEqualTo(i + 1);
      assertThat(page.get(i).get("name").asText()).isEqualTo("p" + (i + 1) + " v10");
    }
    assertThat(eventRuns(configId)).isEqualTo(1);
  }

  @Test
  void eventsQueueWhileTheDispatcherIsDownAndAreAllDeliveredWhenItComesBack(
      WorkflowClient client, Worker worker) throws Exception {
    long configId =
        withTriggers(
            config("bulk import", "POST").paginated(true).pageSize(100).build(), ON_CREATE);

    // A 1,000-row import with nobody dispatching: the events wait in the outbox.
    source
        .sql(
            "INSERT INTO res_partner (name) SELECT 'imported ' || g FROM generate_series(1, 1000)"
                + " AS g")
        .update();
    assertThat(pendingEvents()).isEqualTo(1000);

    startDispatcher(client, worker);
    List<Long> ids = new ArrayList<>();
    while (ids.size() < 1000) {
      body(take()).forEach(record -> ids.add(record.get("external_id").asLong()));
    }
    awaitDelivered();

    assertThat(ids).doesNotHaveDuplicates().hasSize(1000);
    assertThat(receiver.getRequestCount()).isEqualTo(10);
    // 500 records per run: a handful of runs, not a thousand.
    assertThat(eventRuns(configId)).isEqualTo(2);
  }

  @Test
  void aDispatcherStoppedBetweenClaimingAndStartingDuplicatesNothing(
      WorkflowClient client, Worker worker) throws Exception {
    long configId = withTriggers(config("claimed then stopped", "POST").build(), ON_CREATE);
    RecordEventDispatcher first = dispatcher(client, worker);

    source.sql("INSERT INTO res_partner (name) VALUES ('one'), ('two')").update();
    // The first dispatcher commits its claim, then stops before starting the run.
    EventBatch claimed = claim(configId);
    source.sql("INSERT INTO res_partner (name) VALUES ('three')").update();
    // It claims the next batch and starts its run, then stops before recording that it did.
    EventBatch started = claim(configId);
    first.start(started);
    source
        .sql("UPDATE apisync.record_event SET started_at = NULL WHERE batch_id = ?")
        .param(started.id())
        .update();
    assertThat(queue.unstarted()).containsExactly(claimed, started);

    startDispatcher(client, worker);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      names.add(body(take()).get("name").asText());
    }
    awaitDelivered();

    assertThat(names).containsExactlyInAnyOrder("one", "two", "three");
    assertThat(receiver.getRequestCount()).isEqualTo(3);
    assertThat(eventRuns(configId)).isEqualTo(2);
  }

  @Test
  void eventsOfADisabledConfigWaitUntilItIsEnabledAgain(WorkflowClient client, Worker worker)
      throws Exception {
    long configId =
        withTriggers(config("paused partners", "POST").enabled(false).build(), ON_CREATE);
    source.sql("INSERT INTO res_partner (name) VALUES ('held')").update();
    await(() -> !queue.configsDue(WINDOW).isEmpty());

    dispatcher(client, worker).dispatchOnce();
    assertThat(pendingEvents()).isEqualTo(1);
    assertThat(receiver.getRequestCount()).isZero();

    RIG.store.replace(configId, config("paused partners", "POST").enabled(true).build());
    startDispatcher(client, worker);

    assertThat(body(take()).get("name").asText()).isEqualTo("held");
    awaitDelivered();
    assertThat(eventRuns(configId)).isEqualTo(1);
  }

  private long withTriggers(SyncConfig config, TriggerSettings settings) {
    long id = RIG.store.create(config);
    configs.add(id);
    triggers.install(id, config.model(), settings);
    return id;
  }

  private SyncConfig.Builder config(String name, String method) {
    return posting(name, "res.partner", receiver.url("/crm/customers").toString())
        .httpMethod(HttpMethod.valueOf(method))
        .filterDomain("[('customer_rank', '>', 0)]")
        .line(SyncConfig.Line.identifier("id", "external_id"))
        .line(SyncConfig.Line.plain("name", "name"))
        .line(SyncConfig.Line.plain("email", "email"));
  }

  private RecordEventDispatcher dispatcher(WorkflowClient client, Worker worker) {
    return new RecordEventDispatcher(queue, RIG.store, client, worker.getTaskQueue(), WINDOW, 500);
  }

  private EventBatch claim(long configId) {
    return queue
        .claim(configId, 500, (id, first, last) -> WorkflowIds.forEventBatch(id, "", first, last))
        .orElseThrow();
  }

  private void startDispatcher(WorkflowClient client, Worker worker) {
    loop =
        new DispatcherLoop(dispatcher(client, worker), RIG.source, WINDOW, Duration.ofSeconds(1));
    loop.start();
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = receiver.takeRequest(15, SECONDS);
    assertThat(request).as("a request within 15 s").isNotNull();
    return request;
  }

  private static JsonNode body(RecordedRequest request) throws Exception {
    return JSON.readTree(request.getBody().utf8());
  }

  private int pendingEvents() {
    return source
        .sql("SELECT count(*) FROM apisync.record_event WHERE batch_id IS NULL")
        .query(Integer.class)
        .single();
  }

  /** Every event's run has ended and the dispatcher has forgotten its batch. */
  private void awaitDelivered() {
    await(
        () ->
            source.sql("SELECT count(*) FROM apisync.record_event").query(Integer.class).single()
                == 0);
  }

  private int eventRuns(long configId) {
    return JdbcClient.create(RIG.apisync)
        .sql("SELECT count(*) FROM sync_run WHERE config_id = ? AND trigger = 'EVENT'")
        .param(configId)
        .query(Integer.class)
        .single();
  }

  /** A bounded poll: the condition must hold within 20 s. */
  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }
}
