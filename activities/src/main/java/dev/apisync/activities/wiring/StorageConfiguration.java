package dev.apisync.activities.wiring;

import com.zaxxer.hikari.HikariDataSource;
import dev.apisync.activities.config.ConfigStore;
import dev.apisync.activities.config.SecretCipher;
import dev.apisync.activities.requestlog.RequestLog;
import dev.apisync.activities.runs.RunStore;
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
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The storage both apps share: the config store, the run store and the request log on apisync's own
 * database (Spring Boot's auto-configured {@code spring.datasource}, migrated by Flyway) and the
 * source database's catalog and domain compiler. The source pool is not a default candidate, so
 * auto-configuration, Flyway and plain {@code DataSource} injection all keep using apisync's own
 * database.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SourceDatabaseProperties.class, SecretsProperties.class})
@Import(EventsConfiguration.class)
public class StorageConfiguration {

  /** The Spring profile under which an empty secrets key falls back to the development key. */
  public static final String DEV_PROFILE = "dev";

  /** Qualifies the source database's {@link DataSource}. */
  public static final String SOURCE = "source";

  private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

  /**
   * The source database's pool: read-only sessions ({@code default_transaction_read_only}) whose
   * statements stop after {@code apisync.source.statement-timeout}.
   */
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
    // apisync never writes to the source: a session that cannot write makes a bug (or a script
    // that found a way to issue SQL) harmless; grants (see README) are the first line.
    dataSource.setReadOnly(true);
    dataSource.setConnectionInitSql(
        "SELECT set_config('default_transaction_read_only', 'on', false),"
            + " set_config('statement_timeout', '"
            + properties.statementTimeout().toMillis()
            + "', false)");
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

  /**
   * The cipher for config secrets. Without {@code apisync.secrets.key} the app refuses to start:
   * secrets encrypted with a public key are not protected, and a production database written that
   * way cannot later be moved to a real key. Only the profile {@code dev} falls back to the
   * development key, with a warning.
   */
  @Bean
  public SecretCipher secretCipher(SecretsProperties properties, Environment environment) {
    if (properties.key() != null && !properties.key().isBlank()) {
      return SecretCipher.fromBase64(properties.key());
    }
    if (!environment.matchesProfiles(DEV_PROFILE)) {
      throw new IllegalStateException(
          "apisync.secrets.key is not set: set APISYNC_SECRETS_KEY (or apisync.secrets.key) to the"
              + " output of `openssl rand -base64 32` to encrypt config secrets at rest. For local"
              + " development only, run with the Spring profile '"
              + DEV_PROFILE
              + "' (--spring.profiles.active="
              + DEV_PROFILE
              + ") to use the public development key.");
    }
    log.warn(
        "apisync.secrets.key is not set: config secrets are encrypted with the public"
            + " development key and are NOT protected (profile '{}'). Set APISYNC_SECRETS_KEY to"
            + " the output of `openssl rand -base64 32`.",
        DEV_PROFILE);
    return SecretCipher.fromBase64(SecretCipher.DEVELOPMENT_KEY);
  }

  @Bean
  public ConfigStore configStore(DataSource dataSource, SecretCipher cipher) {
    return new ConfigStore(dataSource, cipher);
  }

  @Bean
  public RunStore runStore(DataSource dataSource) {
    return new RunStore(dataSource);
  }

  /** Written by the worker's deliveries, read by the API, pruned by the worker's retention job. */
  @Bean
  public RequestLog requestLog(DataSource dataSource) {
    return new RequestLog(dataSource);
  }
}
