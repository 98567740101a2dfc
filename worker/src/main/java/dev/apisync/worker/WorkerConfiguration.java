package dev.apisync.worker;

import dev.apisync.activities.config.ConfigActivitiesImpl;
import dev.apisync.activities.config.ConfigStore;
import dev.apisync.activities.delivery.DeliveryActivitiesImpl;
import dev.apisync.activities.delivery.TargetCircuit;
import dev.apisync.activities.delivery.TargetClients;
import dev.apisync.activities.delivery.TargetRateLimiter;
import dev.apisync.activities.egress.EgressPolicy;
import dev.apisync.activities.events.OutboxQueue;
import dev.apisync.activities.mapping.LineResolver;
import dev.apisync.activities.mapping.MappingActivitiesImpl;
import dev.apisync.activities.mapping.PlainLineResolver;
import dev.apisync.activities.mapping.RecordMapper;
import dev.apisync.activities.mapping.RelationalLineResolver;
import dev.apisync.activities.requestlog.RequestLog;
import dev.apisync.activities.runs.RunRecordActivitiesImpl;
import dev.apisync.activities.runs.RunStore;
import dev.apisync.activities.script.PythonLineResolver;
import dev.apisync.activities.script.PythonScripts;
import dev.apisync.activities.script.ScriptActivitiesImpl;
import dev.apisync.activities.script.ScriptSource;
import dev.apisync.activities.slices.SliceActivitiesImpl;
import dev.apisync.activities.slices.SliceLedger;
import dev.apisync.activities.source.DomainCompiler;
import dev.apisync.activities.source.RecordActivitiesImpl;
import dev.apisync.activities.source.RecordReader;
import dev.apisync.activities.source.RecordSource;
import dev.apisync.activities.source.RelationReader;
import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.activities.wiring.EventsConfiguration;
import dev.apisync.activities.wiring.EventsProperties;
import dev.apisync.activities.wiring.SharedConfiguration;
import dev.apisync.activities.wiring.StorageConfiguration;
import dev.apisync.worker.events.DispatcherLoop;
import dev.apisync.worker.events.RecordEventDispatcher;
import dev.apisync.workflows.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.spring.boot.WorkerOptionsCustomizer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The activity beans that {@code worker.yml} registers on the sync task queue, by bean name, and
 * the request log's retention job.
 */
@Configuration(proxyBeanMethods = false)
@Import(SharedConfiguration.class)
@EnableScheduling
@EnableConfigurationProperties({RequestLogProperties.class, CircuitProperties.class})
public class WorkerConfiguration {

  @Bean
  public ConfigActivitiesImpl configActivities(ConfigStore store) {
    return new ConfigActivitiesImpl(store);
  }

  @Bean
  public RecordActivitiesImpl recordActivities(
      @Qualifier(StorageConfiguration.SOURCE) DataSource source, DomainCompiler compiler) {
    return new RecordActivitiesImpl(new RecordSource(source, compiler));
  }

  @Bean
  public MappingActivitiesImpl mappingActivities(
      @Qualifier(StorageConfiguration.SOURCE) DataSource source,
      SourceCatalog catalog,
      ConfigStore store,
      PythonScripts scripts,
      ScriptSource scriptSource) {
    RelationReader relations = new RelationReader(source, catalog);
    return new MappingActivitiesImpl(
        new RecordReader(source, catalog),
        reader -> {
          // Related records' lines are resolved by the same resolvers as the record's own. Python
          // lines read through the scripts' own (live) source: a deleted record's python lines see
          // no record (see README, record events).
          List<LineResolver> childResolvers =
              List.of(
                  new PlainLineResolver(reader),
                  PlainLineResolver.selectionLabels(reader),
                  PythonLineResolver.python(scripts, scriptSource),
                  PythonLineResolver.relationalPython(scripts, scriptSource));
          RelationalLineResolver relational =
              new RelationalLineResolver(
                  catalog, reader, relations, store::snapshot, childResolvers);
          List<LineResolver> resolvers = new ArrayList<>(childResolvers);
          resolvers.add(relational);
          return new RecordMapper(reader, resolvers);
        });
  }

  /** Request scripts; the pool is warm before the worker polls (apisync.scripts.warm-up). */
  @Bean
  public ScriptActivitiesImpl scriptActivities(PythonScripts scripts, ScriptSource scriptSource) {
    return new ScriptActivitiesImpl(scripts, scriptSource);
  }

  @Bean
  public RunRecordActivitiesImpl runRecordActivities(RunStore runs) {
    return new RunRecordActivitiesImpl(runs);
  }

  /** Every connection to a target passes the egress policy (apisync.egress.*). */
  @Bean(destroyMethod = "close")
  public TargetClients targetClients(EgressPolicy egress) {
    return new TargetClients(egress);
  }

  /** Rate-limit slots live in apisync's own database, shared by every worker. */
  @Bean
  public TargetRateLimiter targetRateLimiter(DataSource dataSource) {
    return new TargetRateLimiter(dataSource);
  }

  /** Each target origin's circuit lives there too, shared by every run and worker. */
  @Bean
  public TargetCircuit targetCircuit(DataSource dataSource, CircuitProperties circuit) {
    return new TargetCircuit(dataSource, circuit.firstProbeAfter(), circuit.maxProbeInterval());
  }

  @Bean
  public DeliveryActivitiesImpl deliveryActivities(
      ConfigStore store,
      TargetClients clients,
      RequestLog requestLog,
      TargetRateLimiter rateLimiter,
      TargetCircuit circuit,
      RequestLogProperties logs) {
    return new DeliveryActivitiesImpl(
        store, clients, requestLog, rateLimiter, circuit, (int) logs.responseBytes().toBytes());
  }

  /**
   * Runs send their records a slice of pages per activity, reading, mapping and sending with the
   * activities above and committing each page's request log and cursor in one transaction.
   */
  @Bean(destroyMethod = "close")
  public SliceActivitiesImpl sliceActivities(
      RecordActivitiesImpl records,
      MappingActivitiesImpl mapping,
      ScriptActivitiesImpl scripts,
      DeliveryActivitiesImpl delivery,
      DataSource dataSource,
      RequestLog requestLog,
      RunStore runs) {
    return new SliceActivitiesImpl(
        records, mapping, scripts, delivery, new SliceLedger(dataSource, requestLog, runs));
  }

  /**
   * Slices heartbeat their run's counters: sent at least every second, however long the heartbeat
   * timeout, the Web UI's pending-activity details stay current, and a slice whose run was
   * terminated stops its requests within about a second.
   */
  public static final Duration HEARTBEAT_THROTTLE = Duration.ofSeconds(1);

  @Bean
  public WorkerOptionsCustomizer heartbeatThrottle() {
    return (options, workerName, taskQueue) ->
        options.setMaxHeartbeatThrottleInterval(HEARTBEAT_THROTTLE);
  }

  /**
   * The record-event dispatcher (SPEC §8), unless {@code apisync.events.dispatcher} is false.
   * Several workers may each run one: claims skip each other's rows.
   */
  @Bean
  @ConditionalOnProperty(
      name = "apisync.events.dispatcher",
      havingValue = "true",
      matchIfMissing = true)
  public DispatcherLoop recordEventDispatcher(
      OutboxQueue queue,
      ConfigStore store,
      WorkflowClient client,
      EventsProperties properties,
      @Qualifier(EventsConfiguration.EVENTS) DataSource events) {
    RecordEventDispatcher dispatcher =
        new RecordEventDispatcher(
            queue,
            store,
            client,
            TaskQueues.SYNC,
            properties.window(),
            properties.maxBatchRecords());
    return new DispatcherLoop(dispatcher, events, properties.window(), properties.pollInterval());
  }

  @Bean
  public RequestLogCleanup requestLogCleanup(
      RequestLog requestLog, RequestLogProperties properties) {
    return new RequestLogCleanup(requestLog, properties.retention(), Clock.systemUTC());
  }
}
