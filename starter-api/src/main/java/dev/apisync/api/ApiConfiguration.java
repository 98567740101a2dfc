package dev.apisync.api;

import dev.apisync.activities.config.ConfigStore;
import dev.apisync.activities.config.ConfigValidator;
import dev.apisync.activities.egress.EgressPolicy;
import dev.apisync.activities.script.PythonScripts;
import dev.apisync.activities.script.SyntaxProblem;
import dev.apisync.activities.source.DomainCompiler;
import dev.apisync.activities.source.RecordSearch;
import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.activities.source.SourceDirectory;
import dev.apisync.activities.wiring.SharedConfiguration;
import dev.apisync.activities.wiring.StorageConfiguration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The API's beans on top of the shared storage: config validation, which compiles configs' Python,
 * evaluates their Python-valued domains and refuses targets the egress policy refuses.
 */
@Configuration(proxyBeanMethods = false)
@Import(SharedConfiguration.class)
public class ApiConfiguration {

  @Bean
  public SourceDirectory sourceDirectory(
      @Qualifier(StorageConfiguration.SOURCE) DataSource source) {
    return new SourceDirectory(source);
  }

  @Bean
  public RecordSearch recordSearch(
      @Qualifier(StorageConfiguration.SOURCE) DataSource source, DomainCompiler domains) {
    return new RecordSearch(source, domains);
  }

  @Bean
  public ConfigValidator configValidator(
      SourceCatalog catalog,
      DomainCompiler domains,
      ConfigStore store,
      PythonScripts scripts,
      EgressPolicy egress) {
    return new ConfigValidator(
        catalog,
        domains,
        store,
        (text, expressionAllowed) ->
            scripts.checkSyntax(text, expressionAllowed).map(SyntaxProblem::describe),
        egress);
  }
}
