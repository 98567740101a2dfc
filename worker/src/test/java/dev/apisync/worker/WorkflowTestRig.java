package dev.apisync.worker;

import dev.apisync.activities.codec.EncryptionCodec;
import dev.apisync.activities.codec.PayloadKeys;
import dev.apisync.activities.config.ConfigStore;
import dev.apisync.activities.delivery.DeliveryActivitiesImpl;
import dev.apisync.activities.delivery.TargetClients;
import dev.apisync.activities.mapping.MappingActivitiesImpl;
import dev.apisync.activities.requestlog.RequestLog;
import dev.apisync.activities.runs.RunStore;
import dev.apisync.activities.script.PythonDomainExpressions;
import dev.apisync.activities.script.PythonScripts;
import dev.apisync.activities.script.ScriptActivitiesImpl;
import dev.apisync.activities.script.ScriptSource;
import dev.apisync.activities.slices.SliceActivitiesImpl;
import dev.apisync.activities.source.DomainCompiler;
import dev.apisync.activities.source.RecordActivitiesImpl;
import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.activities.testing.TestConfigStores;
import dev.apisync.activities.testing.TestEgress;
import dev.apisync.activities.testing.TestPostgres;
import dev.apisync.activities.testing.TestScripts;
import dev.apisync.workflows.SyncRunOptions;
import dev.apisync.workflows.SyncRunWorkflow;
import dev.apisync.workflows.SyncRunWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/**
 * What a workflow test class runs on: apisync's own database (migrated), an empty source database
 * for the class to fill, and Temporal's test environment with every activity the worker registers,
 * built by the worker's own wiring, so tests run exactly what production runs.
 */
final class WorkflowTestRig implements AutoCloseable {

  final DataSource apisync;
  final DataSource source;
  final ConfigStore store;
  final RunStore runs;
  final EncryptionCodec codec =
      new EncryptionCodec(PayloadKeys.parse(List.of(PayloadKeys.DEVELOPMENT)));
  private final TargetClients clients = new TargetClients(TestEgress.loopbackAllowed());
  private final CircuitProperties circuit;
  private BiFunction<PythonScripts, ScriptSource, ScriptActivitiesImpl> scriptActivities =
      ScriptActivitiesImpl::new;
  private SliceActivitiesImpl slices;

  private WorkflowTestRig(String prefix, CircuitProperties circuit) {
    this.circuit = circuit;
    apisync = TestPostgres.migratedDatabase(prefix + "_apisync");
    source = TestPostgres.freshDatabase(prefix + "_source");
    store = TestConfigStores.on(apisync);
    runs = new RunStore(apisync);
  }

  static WorkflowTestRig create(String prefix) {
    return create(prefix, new CircuitProperties(Duration.ofSeconds(5), Duration.ofSeconds(60)));
  }

  /** A rig whose target circuits probe as {@code circuit} says (outage tests probe quickly). */
  static WorkflowTestRig create(String prefix, CircuitProperties circuit) {
    return new WorkflowTestRig(prefix, circuit);
  }

  /**
   * Builds the script activities the rig registers (and its slices use) another way: a test that
   * counts request script runs, for one. Call before {@link #temporal()}.
   */
  WorkflowTestRig withScriptActivities(
      BiFunction<PythonScripts, ScriptSource, ScriptActivitiesImpl> scriptActivities) {
    this.scriptActivities = scriptActivities;
    return this;
  }

  /**
   * The source catalog reads lazily, so a class may create its source tables in @BeforeAll. Client
   * and worker encrypt payloads with the development key, as the apps do under {@code dev}.
   */
  TestWorkflowExtension temporal() {
    TestWorkflowExtension.Builder builder = TestWorkflowExtension.newBuilder();
    // Runs started through SyncRunOptions carry apisync's search attributes, as on the dev server.
    for (SearchAttributeKey<?> key : SyncRunOptions.SEARCH_ATTRIBUTES) {
      builder.registerSearchAttribute(key.getName(), key.getValueType());
    }
    return builder
        .setWorkflowClientOptions(
            WorkflowClientOptions.newBuilder().setDataConverter(codec.dataConverter()).build())
        .setWorkerOptions(
            WorkerOptions.newBuilder()
                .setMaxHeartbeatThrottleInterval(WorkerConfiguration.HEARTBEAT_THROTTLE)
                .build())
        .registerWorkflowImplementationTypes(SyncRunWorkflowImpl.class)
        .setActivityImplementations(activities())
        .build();
  }

  /** Fills the source with {@code count} partners named "Partner n": ids 1 to count. */
  void createPartners(int count) {
    JdbcClient client = JdbcClient.create(source);
    client.sql("CREATE TABLE res_partner (id serial PRIMARY KEY, name varchar NOT NULL)").update();
    client
        .sql("INSERT INTO res_partner (name) SELECT 'Partner ' || n FROM generate_series(1, ?) n")
        .param(count)
        .update();
  }

  /**
   * A client of the test server without its time skipping: waiting on a run through it lets timers
   * take real time, for runs whose timers wait for something outside the workflow (a target's
   * circuit, kept in PostgreSQL on the wall clock).
   */
  WorkflowClient realTimeClient(TestWorkflowEnvironment environment) {
    return WorkflowClient.newInstance(
        environment.getWorkflowServiceStubs(),
        WorkflowClientOptions.newBuilder()
            .setNamespace(environment.getNamespace())
            .setDataConverter(codec.dataConverter())
            .build());
  }

  SyncRunWorkflow newRun(WorkflowClient client, Worker worker) {
    return client.newWorkflowStub(
        SyncRunWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).build());
  }

  private Object[] activities() {
    WorkerConfiguration wiring = new WorkerConfiguration();
    SourceCatalog catalog = new SourceCatalog(source);
    PythonScripts scripts = TestScripts.shared();
    ScriptSource scriptSource = new ScriptSource(source, catalog);
    RecordActivitiesImpl records =
        wiring.recordActivities(
            source, new DomainCompiler(catalog, new PythonDomainExpressions(scripts)));
    MappingActivitiesImpl mapping =
        wiring.mappingActivities(source, catalog, store, scripts, scriptSource);
    ScriptActivitiesImpl scriptActivities = this.scriptActivities.apply(scripts, scriptSource);
    RequestLog requestLog = new RequestLog(apisync);
    DeliveryActivitiesImpl delivery =
        wiring.deliveryActivities(
            store,
            clients,
            requestLog,
            wiring.targetRateLimiter(apisync),
            wiring.targetCircuit(apisync, circuit),
            new RequestLogProperties(Duration.ofDays(30), DataSize.ofKilobytes(4)));
    slices =
        wiring.sliceActivities(
            records, mapping, scriptActivities, delivery, apisync, requestLog, runs);
    return new Object[] {
      wiring.configActivities(store),
      records,
      mapping,
      scriptActivities,
      delivery,
      wiring.runRecordActivities(runs),
      slices
    };
  }

  @Override
  public void close() {
    if (slices != null) {
      slices.close();
    }
    clients.close();
  }
}
