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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import mockwebserver3.MockWebServer;
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

  private static final int RECORDS = 5_000;
  private static final int PAGE_SIZE = 50;

  private static Path state;
  private static int port;
  private static TemporalDevServer temporal;
  private static WorkflowServiceStubs service;
  private static DataSource apisync;
  private static DataSource odoo;
  private static Process worker;

  @BeforeAll
  static void start() throws IOException {
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
    // Each page answered after 20 ms: the run takes a few seconds, the restart falls in its middle.
    PageReceiver pages = new PageReceiver(20);
    try (MockWebServer receiver = new MockWebServer()) {
      receiver.setDispatcher(pages);
      receiver.start();
      SyncRunWorkflow run =
          EveryPartnerRun.start(
              service,
              apisync,
              receiver.url("/partners").toString(),
              PAGE_SIZE,
              "sync-temporal-restart-test");
      worker =
          WorkerProcess.start(
              TestPostgres.jdbcUrl(TestPostgres.databaseName(apisync)),
              TestPostgres.jdbcUrl(TestPostgres.databaseName(odoo)),
              temporal.target());

      assertThat(pages.awaitTenPages(120)).as("the worker sends pages").isTrue();
      temporal.close();
      temporal = TemporalDevServer.startHeadless(port, state);
      SyncRunResult result =
          WorkflowStub.fromTyped(run).getResult(5, TimeUnit.MINUTES, SyncRunResult.class);

      assertThat(result.sent()).isEqualTo(RECORDS);
      assertThat(result.failed()).isZero();
      Map<Long, Set<String>> keysByRecord = pages.keysByRecord();
      assertThat(keysByRecord.keySet()).containsExactlyInAnyOrderElementsOf(allPartnerIds());
      assertThat(keysByRecord.values()).allSatisfy(keys -> assertThat(keys).hasSize(1));
      assertThat(pages.requests() - RECORDS / PAGE_SIZE)
          .as("requests sent twice")
          .isLessThanOrEqualTo(1 + SliceActivitiesImpl.UNCOMMITTED_PAGES);
    }
  }

  private static List<Long> allPartnerIds() {
    return JdbcClient.create(odoo).sql("SELECT id FROM res_partner").query(Long.class).list();
  }
}
