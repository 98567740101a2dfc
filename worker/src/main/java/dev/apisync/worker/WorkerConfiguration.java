package dev.apisync.worker;

import dev.apisync.activities.config.ConfigActivitiesImpl;
import dev.apisync.activities.config.ConfigStore;
import dev.apisync.activities.delivery.DeliveryActivitiesImpl;
import dev.apisync.activities.delivery.TargetClients;
import dev.apisync.activities.mapping.MappingActivitiesImpl;
import dev.apisync.activities.mapping.PlainLineResolver;
import dev.apisync.activities.mapping.RecordMapper;
import dev.apisync.activities.script.PythonLineResolver;
import dev.apisync.activities.script.PythonScripts;
import dev.apisync.activities.script.ScriptActivitiesImpl;
import dev.apisync.activities.script.ScriptSource;
import dev.apisync.activities.source.DomainCompiler;
import dev.apisync.activities.source.RecordActivitiesImpl;
import dev.apisync.activities.source.RecordReader;
import dev.apisync.activities.source.RecordSource;
import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.activities.wiring.ScriptConfiguration;
import dev.apisync.activities.wiring.StorageConfiguration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The activity beans that {@code worker.yml} registers on the sync task queue, by bean name. */
@Configuration(proxyBeanMethods = false)
@Import({StorageConfiguration.class, ScriptConfiguration.class})
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
      PythonScripts scripts,
      ScriptSource scriptSource) {
    RecordReader reader = new RecordReader(source, catalog);
    return new MappingActivitiesImpl(
        new RecordMapper(
            reader,
            List.of(
                new PlainLineResolver(reader),
                PythonLineResolver.python(scripts, scriptSource),
                PythonLineResolver.relationalPython(scripts, scriptSource))));
  }

  /** Request scripts; the pool is warm before the worker polls (apisync.scripts.warm-up). */
  @Bean
  public ScriptActivitiesImpl scriptActivities(PythonScripts scripts, ScriptSource scriptSource) {
    return new ScriptActivitiesImpl(scripts, scriptSource);
  }

  @Bean(destroyMethod = "close")
  public TargetClients targetClients() {
    return new TargetClients();
  }

  @Bean
  public DeliveryActivitiesImpl deliveryActivities(ConfigStore store, TargetClients clients) {
    return new DeliveryActivitiesImpl(store, clients);
  }
}
