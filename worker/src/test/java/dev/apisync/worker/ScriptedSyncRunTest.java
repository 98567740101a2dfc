package dev.apisync.worker;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apisync.activities.config.SyncConfig;
import dev.apisync.activities.script.ScriptActivitiesImpl;
import dev.apisync.activities.source.demo.OdooDemoDatabase;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.MappedRecord;
import dev.apisync.workflows.RecordFailure;
import dev.apisync.workflows.SyncRunInput;
import dev.apisync.workflows.SyncRunResult;
import dev.apisync.workflows.Trigger;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Runs with Python end to end in Temporal's test environment: a Python-valued domain, python lines
 * and request scripts, with the real activities, real PostgreSQL (the Odoo demo schema) and a real
 * HTTP receiver.
 */
class ScriptedSyncRunTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The seed guide's domain: partners created in the last seven days. */
  private static final String LAST_SEVEN_DAYS =
      "[('create_date', '>=', (datetime.now() - timedelta(days=7)).strftime('%Y-%m-%d'))]";

  private static final AtomicInteger SCRIPT_CALLS = new AtomicInteger();

  @AutoClose
  private static final WorkflowTestRig RIG =
      WorkflowTestRig.create("scripted")
          .withScriptActivities(
              (scripts, source) ->
                  new ScriptActivitiesImpl(scripts, source) {
                    @Override
                    public String applyRequestScript(
                        ConfigSnapshot config, List<MappedRecord> records, boolean asArray) {
                      SCRIPT_CALLS.incrementAndGet();
                      return super.applyRequestScript(config, records, asArray);
                    }
                  });

  @RegisterExtension static final TestWorkflowExtension TEMPORAL = RIG.temporal();

  private static final Dispatcher OK =
      new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return new MockResponse.Builder().code(200).build();
        }
      };

  @StartStop final MockWebServer receiver = new MockWebServer();

  @BeforeAll
  static void databases() {
    OdooDemoDatabase.seed(RIG.source, 40);
    // Partners 1, 2, 4, 5, 6 are recent (3 is archived), phones as people type them; the rest
    // are from 2024.
    JdbcClient.create(RIG.source)
        .sql(
            "UPDATE res_partner SET create_date = now() - interval '1 day',"
                + " phone = CASE WHEN id % 2 = 0 THEN '555-010 ' || id ELSE '+380 44 000 00 0' || id END"
                + " WHERE id IN (1, 2, 4, 5, 6)")
        .update();
  }

  @Test
  void aPythonDomainAndPythonLinesShapeEveryRecord(WorkflowClient client, Worker worker)
      throws Exception {
    receiver.setDispatcher(OK);
    long configId =
        RIG.store.create(
            config("python lines")
                .line(
                    SyncConfig.Line.python(
                        "contact_number",
                        """
                        phone = records.phone or ''
                        if phone.startswith('+'):
                            result = phone
                        else:
                            result = '+1' + phone.replace('-', '').replace(' ', '')
                        """))
                .line(SyncConfig.Line.python("country", "record.country_id.code or None"))
                .build());

    SyncRunResult result =
        run(client, worker, SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));

    List<JsonNode> bodies = bodies(5);
    assertThat(result.sent()).isEqualTo(5);
    assertThat(bodies)
        .extracting(body -> body.get("external_id").asLong())
        .containsExactly(1L, 2L, 4L, 5L, 6L);
    assertThat(bodies.get(0).get("contact_number").asText()).isEqualTo("+380 44 000 00 01");
    assertThat(bodies.get(1).get("contact_number").asText()).isEqualTo("+15550102");
    assertThat(bodies.get(1).get("country").asText()).isEqualTo("DE");
  }

  @Test
  void aRequestScriptShapesEachPageAndARaisingOneFailsOnlyItsRecords(
      WorkflowClient client, Worker worker) throws Exception {
    receiver.setDispatcher(OK);
    long configId =
        RIG.store.create(
            config("request script")
                .paginated(true)
                .pageSize(2)
                .requestScript(
                    """
                    if 4 in records.ids:
                        raise UserError('partner 4 is on hold')
                    result = {'data': request_data, 'count': len(records), 'source': 'odoo'}
                    """)
                .build());
    int callsBefore = SCRIPT_CALLS.get();

    SyncRunResult result =
        run(client, worker, SyncRunInput.of(configId, List.of(), Trigger.MANUAL, false));

    List<JsonNode> bodies = bodies(2);
    assertThat(bodies).extracting(body -> body.get("count").asInt()).containsExactly(2, 1);
    assertThat(bodies.get(0).get("source").asText()).isEqualTo("odoo");
    assertThat(bodies.get(0).get("data").get(1).get("external_id").asLong()).isEqualTo(2);
    assertThat(result.sent()).isEqualTo(3);
    assertThat(result.failed()).isEqualTo(2);
    assertThat(result.failures()).extracting(RecordFailure::recordId).containsExactly(4L, 5L);
    assertThat(result.failures().getFirst().reason())
        .startsWith("requestScript: UserError: partner 4 is on hold (line 2)")
        .contains("File \"requestScript\", line 2, in <module>");
    // Three pages, three script runs: the failed one was not retried.
    assertThat(SCRIPT_CALLS.get() - callsBefore).isEqualTo(3);
    assertThat(receiver.getRequestCount()).isEqualTo(2);
  }

  private SyncConfig.Builder config(String name) {
    return SyncConfig.builder()
        .name(name)
        .model("res.partner")
        .filterDomain(LAST_SEVEN_DAYS)
        .requestUrl(receiver.url("/crm/customers").toString())
        .httpMethod(HttpMethod.POST)
        .line(SyncConfig.Line.identifier("id", "external_id"))
        .line(SyncConfig.Line.plain("name", "full_name"));
  }

  private static SyncRunResult run(WorkflowClient client, Worker worker, SyncRunInput input) {
    return RIG.newRun(client, worker).run(input);
  }

  private List<JsonNode> bodies(int count) throws Exception {
    List<JsonNode> bodies = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      bodies.add(JSON.readTree(receiver.takeRequest(5, SECONDS).getBody().utf8()));
    }
    return bodies;
  }
}
