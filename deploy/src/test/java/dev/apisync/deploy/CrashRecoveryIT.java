package dev.apisync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.slices.SliceActivitiesImpl;
import dev.apisync.activities.source.demo.OdooDemoDatabase;
import dev.apisync.activities.testing.TestPostgres;
import dev.apisync.workflows.SyncRunResult;
import dev.apisync.workflows.SyncRunWorkflow;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import mockwebserver3.MockWebServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A worker killed with SIGKILL in the middle of a 5,000-record run loses nothing: a new worker
 * process resumes the run's slice after its last committed page, and a record reaches the receiver
 * twice only when its page was in flight or awaiting its commit, under the same Idempotency-Key.
 */
class CrashRecoveryIT {

  private static final int RECORDS = 5_000;

  private static TemporalDevServer temporal;
  private static WorkflowServiceStubs service;
  private static DataSource apisync;
  private static DataSource odoo;
  private static final List<Process> workers = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    temporal = TemporalDevServer.startEphemeral();
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()).build());
    apisync = TestPostgres.freshDatabase("crash_apisync");
    Flyway.configure().dataSource(apisync).load().migrate();
    odoo = TestPostgres.freshDatabase("crash_odoo");
    OdooDemoDatabase.createSchema(odoo);
    OdooDemoDatabase.seed(odoo, RECORDS);
  }

  @AfterAll
  static void stop() {
    workers.forEach(Process::destroyForcibly);
    if (service != null) {
      service.shutdownNow();
    }
    if (temporal != null) {
      temporal.close();
    }
  }

  @Test
  void aKilledWorkerLosesNoRecordAndResendsOnlyWhatWasInFlight() throws Exception {
    // Each page answered after 20 ms: the run takes a few seconds, the kill falls in its middle.
    PageReceiver pages = new PageReceiver(20);
    try (MockWebServer receiver = new MockWebServer()) {
      receiver.setDispatcher(pages);
      receiver.start();
      SyncRunWorkflow run =
          EveryPartnerRun.start(
              service, apisync, receiver.url("/partners").toString(), 50, "sync-crash-test");

      Process first = startWorker();
      assertThat(pages.awaitTenPages(120)).as("the first worker sends pages").isTrue();
      first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no goodbye to Temporal
      int beforeCrash = pages.requests();
      startWorker();

      SyncRunResult result =
          WorkflowStub.fromTyped(run)
              .getResult(5, java.util.concurrent.TimeUnit.MINUTES, SyncRunResult.class);

      assertThat(result.sent()).isEqualTo(RECORDS);
      assertThat(result.failed()).isZero();
      assertThat(beforeCrash).isLessThan(RECORDS / 50);
      Map<Long, Set<String>> keysByRecord = pages.keysByRecord();
      assertThat(keysByRecord.keySet()).containsExactlyInAnyOrderElementsOf(allPartnerIds());
      assertThat(keysByRecord.values()).allSatisfy(keys -> assertThat(keys).hasSize(1));
      // Sent twice: at most the page in flight and those answered but not yet committed.
      assertThat(pages.requests() - RECORDS / 50)
          .as("requests sent twice")
          .isLessThanOrEqualTo(1 + SliceActivitiesImpl.UNCOMMITTED_PAGES);
    }
  }

  private static List<Long> allPartnerIds() {
    return JdbcClient.create(odoo).sql("SELECT id FROM res_partner").query(Long.class).list();
  }

  private static Process startWorker() throws IOException {
    Process worker =
        WorkerProcess.start(
            TestPostgres.jdbcUrl(TestPostgres.databaseName(apisync)),
            TestPostgres.jdbcUrl(TestPostgres.databaseName(odoo)),
            temporal.target());
    workers.add(worker);
    return worker;
  }
}
