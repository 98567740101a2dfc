package dev.apisync.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The run workflow's own decisions over stub activities (slices, retries of unfinished requests,
 * splitting a refused page, target outages, cancel, limits, continue-as-new): the whole class runs
 * in seconds, without PostgreSQL or HTTP. The end-to-end behaviour is the worker module's tests'.
 *
 * <p>With {@code -Dapisync.recordHistories=true} the runs marked below write their histories to
 * {@code src/test/resources/histories}, which {@link SyncRunReplayTest} replays.
 */
class SyncRunWorkflowStubTest {

  @RegisterExtension
  static final TestWorkflowExtension TEMPORAL =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(SyncRunWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private static final SyncRunInput INPUT = SyncRunInput.of(1, List.of(), Trigger.MANUAL, false);

  private final StubActivities.Runs runs = new StubActivities.Runs();

  @Test
  void slicesFollowEachOtherUntilTheLastAndTheRunCompletes(
      TestWorkflowEnvironment environment, Worker worker, WorkflowClient client) throws Exception {
    StubActivities.Slices slices = new StubActivities.Slices(250, 5);
    start(
        environment, worker, StubActivities.config(), slices, StubActivities.Delivery.accepting());

    SyncRunWorkflow run = newRun(client, worker);
    SyncRunResult result = run.run(INPUT);

    assertThat(result.sent()).isEqualTo(250);
    assertThat(result.pages()).isEqualTo(25);
    assertThat(slices.requests)
        .extracting(request -> request.firstPage().afterId())
        .containsExactly(0L, 50L, 100L, 150L, 200L);
    assertThat(runs.ends).singleElement().extracting(RunEnd::status).isEqualTo(RunStatus.COMPLETED);
    record(client, run, "completed");
  }

  @Test
  void aDisabledConfigIsRefusedARunButMayBeDryRun(
      TestWorkflowEnvironment environment, Worker worker, WorkflowClient client) {
    start(
        environment,
        worker,
        StubActivities.config(0, OutageSettings.DEFAULTS, false),
        new StubActivities.Slices(20, 5),
        StubActivities.Delivery.accepting());

    SyncRunResult dry =
        newRun(client, worker).run(SyncRunInput.of(1, List.of(), Trigger.MANUAL, true));

    assertThat(dry.dryRun()).isTrue();
    assertThatThrownBy(() -> newRun(client, worker).run(INPUT))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause()
        .hasMessageContaining("config 'stub' is disabled");
  }

  @Test
  void aRequestTheSliceLeftUnfinishedIsRetriedAsADeliveryCountingTheSlicesAttempt(
      TestWorkflowEnvironment environment, Worker worker, WorkflowClient client) throws Exception {
    StubActivities.Slices slices =
        new StubActivities.Slices(30, 5, Set.of(7L), null, new CountDownLatch(0));
    StubActivities.Delivery delivery = StubActivities.Delivery.accepting();
    start(environment, worker, StubActivities.config(), slices, delivery);

    SyncRunWorkflow run = newRun(client, worker);
    SyncRunResult result = run.run(INPUT);

    assertThat(result.sent()).isEqualTo(30);
    assertThat(delivery.requests)
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.recordIds()).containsExactly(7L);
              assertThat(request.priorAttempts()).isEqualTo(1);
            });
    assertThat(runs.pages).singleElement().extracting(page -> page.progress().sent()).isEqualTo(30);
    record(client, run, "retried");
  }

  @Test
  void aRefusedRecordIsIsolatedAndFailsAloneWhileTheRunGoesOn(
      TestWorkflowEnvironment environment, Worker worker, WorkflowClient client) {
    StubActivities.Slices slices =
        new StubActivities.Slices(30, 5, Set.of(7L), null, new CountDownLatch(0));
    StubActivities.Delivery delivery =
        new StubActivities.Delivery(
            request -> {
              throw ApplicationFailure.newNonRetryableFailure(
                  "HTTP 422: email taken", FailureTypes.PERMANENT_HTTP, new FailureDetails(422, 2));
            });
    start(environment, worker, StubActivities.config(), slices, delivery);

    SyncRunResult result = newRun(client, worker).run(INPUT);

    assertThat(result.sent()).isEqualTo(29);
    assertThat(result.failures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.recordId()).isEqualTo(7);
              assertThat(failure.status()).isEqualTo(422);
              assertThat(failure.reason()).isEqualTo("HTTP 422: email taken");
              assertThat(failure.attempts()).isEqualTo(2);
            });
  }

  @Test
  void anOpenCircuitIsWaitedForOnATimerAndItsRequestsAreNotCharged(
      TestWorkflowEnvironment environment, Worker worker, WorkflowClient client) throws Exception {
    long now = environment.currentTimeMillis();
    TargetOutage outage =
        new TargetOutage("https://crm.example.com:443", now, now + 30_000, "connection refused");
    StubActivities.Slices slices =
        new StubActivities.Slices(30, 5, Set.of(7L, 8L), outage, new CountDownLatch(0));
    AtomicInteger calls = new AtomicInteger();
    StubActivities.Delivery delivery =
        new StubActivities.Delivery(
            request -> {
              if (calls.incrementAndGet() == 1) {
                // The first probe finds the target still down: the next one in a minute.
                throw StubActivities.unavailable(
                    new TargetOutage(outage.origin(), now, now + 90_000, "still refused"),
                    request.priorAttempts());
              }
              return new DeliveryResult(request.recordIds(), List.of(), 200);
            });
    start(environment, worker, StubActivities.config(), slices, delivery);

    SyncRunWorkflow run = newRun(client, worker);
    SyncRunResult result = run.run(INPUT);

    assertThat(result.sent()).isEqualTo(30);
    assertThat(result.failed()).isZero();
    // Probe (refused), probe again (sent), then the other waiting request: none charged.
    assertThat(delivery.requests)
        .extracting(DeliveryRequest::recordIds, DeliveryRequest::priorAttempts)
        .containsExactly(tuple(List.of(7L), 0), tuple(List.of(7L), 0), tuple(List.of(8L), 0));
    WorkflowExecutionHistory history =
        client.fetchHistory(WorkflowStub.fromTyped(run).getExecution().getWorkflowId());
    // Each wait lasts until the circuit's next probe (less the moments the run took to get there).
    List<Long> waits =
        history.getEvents().stream()
            .filter(event -> event.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED)
            .map(event -> event.getTimerStartedEventAttributes().getStartToFireTimeout())
            .map(timeout -> timeout.getSeconds())
            .toList();
    assertThat(waits).hasSize(2);
    assertThat(waits.get(0)).isBetween(20L, 30L);
    assertThat(waits.get(1)).isBetween(50L, 60L);
    record(client, run, "outage");
  }

  @Test
  void aTargetDownLongerThanMaxOutageFailsTheRunWithItsCursorBeforeTheWaitingRecords(
      TestWorkflowEnvironment environment, Worker worker, WorkflowClient client) {
    long now = environment.currentTimeMillis();
    TargetOutage outage = new TargetOutage("https://crm.example.com:443", now, now, "refused");
    StubActivities.Slices slices =
        new StubActivities.Slices(30, 5, Set.of(7L), outage, new CountDownLatch(0));
    StubActivities.Delivery delivery =
        new StubActivities.Delivery(
            request -> {
              throw StubActivities.unavailable(outage, 0);
            });
    start(
        environment,
        worker,
        StubActivities.config(0, new OutageSettings(5, 60, 1)),
        slices,
        delivery);

    assertThatThrownBy(() -> newRun(client, worker).run(INPUT))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause()
        .hasMessageContaining("longer than the config's maxOutageMinutes (1)");
    assertThat(runs.ends)
        .singleElement()
        .satisfies(
            end -> {
              assertThat(end.status()).isEqualTo(RunStatus.FAILED);
              assertThat(end.progress().lastRecordId()).isEqualTo(6);
              assertThat(end.progress().failed()).isZero();
            });
  }

  @Test
  void aCancelReachesTheRunningSliceAndTheRunEndsCanceledWithWhatItSent(
      TestWorkflowEnvironment environment, Worker worker, WorkflowClient client) throws Exception {
    StubActivities.Slices slices = new StubActivities.Slices(250, 5, Set.of(), null, runs.stopped);
    start(
        environment, worker, StubActivities.config(), slices, StubActivities.Delivery.accepting());
    SyncRunWorkflow run = newRun(client, worker);
    WorkflowClient.start(run::run, INPUT);
    assertThat(slices.started.await(30, TimeUnit.SECONDS)).isTrue();

    WorkflowStub.fromTyped(run).cancel();

    assertThatThrownBy(() -> WorkflowStub.fromTyped(run).getResult(SyncRunResult.class))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    assertThat(slices.requests).hasSize(1);
    assertThat(runs.ends)
        .singleElement()
        .satisfies(
            end -> {
              assertThat(end.status()).isEqualTo(RunStatus.CANCELED);
              assertThat(end.progress().sent()).isEqualTo(50);
            });
  }

  @Test
  void theConfigsLimitCapsTheRecordsOfARun(
      TestWorkflowEnvironment environment, Worker worker, WorkflowClient client) {
    StubActivities.Slices slices = new StubActivities.Slices(250, 5);
    start(
        environment,
        worker,
        StubActivities.config(25, OutageSettings.DEFAULTS),
        slices,
        StubActivities.Delivery.accepting());

    SyncRunResult result = newRun(client, worker).run(INPUT);

    assertThat(result.sent()).isEqualTo(25);
    assertThat(slices.requests)
        .singleElement()
        .extracting(SliceRequest::recordBudget)
        .isEqualTo(25);
  }

  @Test
  void continueAsNewCarriesTheCursorAndTheCounts(
      TestWorkflowEnvironment environment, Worker worker, WorkflowClient client) {
    StubActivities.Slices slices = new StubActivities.Slices(250, 5);
    start(
        environment, worker, StubActivities.config(), slices, StubActivities.Delivery.accepting());

    // A history budget of one event: a new execution after every slice.
    SyncRunResult result =
        newRun(client, worker)
            .run(
                new SyncRunInput(
                    1, List.of(), Trigger.MANUAL, false, 1, RunCheckpoint.FRESH, false, ""));

    assertThat(result.sent()).isEqualTo(250);
    assertThat(slices.requests)
        .extracting(request -> request.firstPage().afterId())
        .containsExactly(0L, 50L, 100L, 150L, 200L);
    assertThat(slices.requests)
        .extracting(request -> request.progressBefore().sent())
        .containsExactly(0, 50, 100, 150, 200);
    assertThat(runs.ends).singleElement().extracting(RunEnd::status).isEqualTo(RunStatus.COMPLETED);
  }

  private void start(
      TestWorkflowEnvironment environment,
      Worker worker,
      ConfigSnapshot config,
      StubActivities.Slices slices,
      StubActivities.Delivery delivery) {
    worker.registerActivitiesImplementations(
        new StubActivities.Configs(config), slices, delivery, runs, new StubActivities.Unused());
    environment.start();
  }

  private static SyncRunWorkflow newRun(WorkflowClient client, Worker worker) {
    return client.newWorkflowStub(
        SyncRunWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).build());
  }

  /** Writes the run's history for {@link SyncRunReplayTest} when asked to. */
  private static void record(WorkflowClient client, SyncRunWorkflow run, String name)
      throws Exception {
    if (!Boolean.getBoolean("apisync.recordHistories")) {
      return;
    }
    WorkflowExecutionHistory history =
        client.fetchHistory(WorkflowStub.fromTyped(run).getExecution().getWorkflowId());
    Path file = Path.of("src/test/resources/histories", name + ".json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, history.toJson(true));
  }
}
