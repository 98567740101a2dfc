package dev.apisync.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The database records are read from (Odoo's, or any PostgreSQL-backed app's). Distinct from {@code
 * spring.datasource}, which is apisync's own database.
 */
@ConfigurationProperties("apisync.source")
public record SourceDatabaseProperties(String url, String username, String password) {}
