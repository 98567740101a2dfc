package dev.apisync.activities.wiring;

import com.zaxxer.hikari.HikariDataSource;
import dev.apisync.activities.config.ConfigStore;
import dev.apisync.activities.config.SecretCipher;
import dev.apisync.activities.source.DomainCompiler;
import dev.apisync.activities.source.DomainExpressions;
import dev.apisync.activities.source.SourceCatalog;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The storage both apps share: the config store on apisync's own database (Spring Boot's
 * auto-configured {@code spring.datasource}, migrated by Flyway) and the source database's catalog
 * and domain compiler. The source pool is not a default candidate, so auto-configuration, Flyway
 * and plain {@code DataSource} injection all keep using apisync's own database.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SourceDatabaseProperties.class, SecretsProperties.class})
public class StorageConfiguration {

  /** Qualifies the source database's {@link DataSource}. */
  public static final String SOURCE = "source";

  private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

  @Bean(defaultCandidate = false)
  @Qualifier(SOURCE)
  public HikariDataSource sourceDataSource(SourceDatabaseProperties properties) {
    HikariDataSource dataSource =
        DataSourceBuilder.create()
            .type(HikariDataSource.class)
            .url(properties.url())
            .username(properties.username())
            .password(properties.password())
            .build();
    dataSource.setPoolName("apisync-source");
    dataSource.setMaximumPoolSize(properties.maxPoolSize());
    return dataSource;
  }

  @Bean
  public SourceCatalog sourceCatalog(@Qualifier(SOURCE) DataSource source) {
    return new SourceCatalog(source);
  }

  /**
   * With {@link ScriptConfiguration} imported too, domains may hold Python expressions; without it
   * only literal domains compile.
   */
  @Bean
  public DomainCompiler domainCompiler(
      SourceCatalog catalog, ObjectProvider<DomainExpressions> expressions) {
    return new DomainCompiler(catalog, expressions.getIfAvailable(() -> DomainExpressions.NONE));
  }

  @Bean
  public SecretCipher secretCipher(SecretsProperties properties) {
    if (properties.key() == null || properties.key().isBlank()) {
      log.warn(
          "apisync.secrets.key is not set: config secrets are encrypted with the public"
              + " development key and are NOT protected. Set APISYNC_SECRETS_KEY to the output of"
              + " `openssl rand -base64 32`.");
      return SecretCipher.fromBase64(SecretCipher.DEVELOPMENT_KEY);
    }
    return SecretCipher.fromBase64(properties.key());
  }

  @Bean
  public ConfigStore configStore(DataSource dataSource, SecretCipher cipher) {
    return new ConfigStore(dataSource, cipher);
  }
}
