package dev.apisync.activities.wiring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The database records are read from (Odoo's, or any PostgreSQL-backed app's). Distinct from {@code
 * spring.datasource}, which is apisync's own database.
 *
 * @param maxPoolSize connections to the source per app instance (default 8)
 */
@ConfigurationProperties("apisync.source")
public record SourceDatabaseProperties(
    String url, String username, String password, int maxPoolSize) {

  public SourceDatabaseProperties {
    if (maxPoolSize <= 0) {
      maxPoolSize = 8;
    }
  }
}
