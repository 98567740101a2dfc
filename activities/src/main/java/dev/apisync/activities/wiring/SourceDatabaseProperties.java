package dev.apisync.activities.wiring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The database records are read from (Odoo's, or any PostgreSQL-backed app's). Distinct from {@code
 * spring.datasource}, which is apisync's own database. apisync only reads it: its connections are
 * read-only, and each statement is cut off after {@code statementTimeout}.
 *
 * @param maxPoolSize connections to the source per app instance (default 8)
 * @param statementTimeout the longest a source query may run (default 2 minutes, the start-to-close
 *     timeout of the source activities: a query cut off there would be abandoned by its activity
 *     anyway)
 */
@ConfigurationProperties("apisync.source")
public record SourceDatabaseProperties(
    String url,
    String username,
    String password,
    @DefaultValue("8") int maxPoolSize,
    @DefaultValue("2m") Duration statementTimeout) {

  public SourceDatabaseProperties {
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException(
          "apisync.source.max-pool-size must be at least 1, was " + maxPoolSize);
    }
    if (!statementTimeout.isPositive()) {
      throw new IllegalArgumentException(
          "apisync.source.statement-timeout must be positive, e.g. 2m; was " + statementTimeout);
    }
  }
}
