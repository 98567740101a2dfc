package dev.apisync.api;

import dev.apisync.activities.config.ConfigStore;
import dev.apisync.activities.config.ConfigValidator;
import dev.apisync.activities.source.DomainCompiler;
import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.activities.wiring.StorageConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The API's beans on top of the shared storage: config validation. */
@Configuration(proxyBeanMethods = false)
@Import(StorageConfiguration.class)
public class ApiConfiguration {

  @Bean
  public ConfigValidator configValidator(
      SourceCatalog catalog, DomainCompiler domains, ConfigStore store) {
    return new ConfigValidator(catalog, domains, store);
  }
}
