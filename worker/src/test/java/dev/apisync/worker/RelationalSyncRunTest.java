package dev.apisync.worker;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apisync.activities.mapping.SaleOrderConfigs;
import dev.apisync.activities.source.demo.OdooDemoDatabase;
import dev.apisync.activities.testing.GoldenJson;
import dev.apisync.workflows.SyncRunInput;
import dev.apisync.workflows.SyncRunResult;
import dev.apisync.workflows.Trigger;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.io.InputStream;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A run whose config nests relational lines (sale orders → customer, order lines → product), end to
 * end: the real workflow and activities, the Odoo demo database in real PostgreSQL, and a real HTTP
 * receiver whose request body must equal the golden file next to this test.
 */
class RelationalSyncRunTest {

  private static final JsonMapper JSON = GoldenJson.MAPPER;

  @AutoClose private static final WorkflowTestRig RIG = WorkflowTestRig.create("rel");

  @RegisterExtension static final TestWorkflowExtension TEMPORAL = RIG.temporal();

  @StartStop final MockWebServer receiver = new MockWebServer();

  @BeforeAll
  static void databases() {
    OdooDemoDatabase.seed(RIG.source, 100);
  }

  /** The activities as {@link WorkerConfiguration} wires them. */
  @Test
  void sendsConfirmedOrdersWithTheirCustomerAndLinesInOnePage(WorkflowClient client, Worker worker)
      throws Exception {
    receiver.enqueue(new MockResponse.Builder().code(200).build());
    long configId =
        RIG.store.create(
            SaleOrderConfigs.orders(RIG.store, "confirmed", receiver.url("/erp/orders").toString())
                .filterDomain("[('state', '=', 'sale'), ('id', '<=', 8)]")
                .paginated(true)
                .pageSize(10)
                .build());

    SyncRunResult result =
        RIG.newRun(client, worker).run(SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));

    RecordedRequest request = receiver.takeRequest(5, SECONDS);
    assertThat(request.getUrl().encodedPath()).isEqualTo("/erp/orders");
    assertThat(JSON.readTree(request.getBody().utf8())).isEqualTo(golden("sale-orders-page.json"));
    assertThat(result.sent()).isEqualTo(4);
    assertThat(result.failed()).isZero();
    assertThat(receiver.getRequestCount()).isEqualTo(1);
  }

  private static JsonNode golden(String file) throws Exception {
    try (InputStream in = RelationalSyncRunTest.class.getResourceAsStream(file)) {
      assertThat(in).as(file).isNotNull();
      return JSON.readTree(in);
    }
  }
}
