package dev.apisync.activities.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server tests use: the one named by {@code APISYNC_TEST_PG_URL} (as {@code .ci/run}
 * starts it), else an embedded server started once per JVM. Each caller gets a database of its own.
 */
public final class TestPostgres {

  private static final String URL_VARIABLE = "APISYNC_TEST_PG_URL";
  private static String adminUrl;
  private static EmbeddedPostgres embedded;

  private TestPostgres() {}

  /** A new, empty database on the shared server. */
  public static synchronized DataSource freshDatabase(String prefix) {
    String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection admin = dataSource(adminUrl()).getConnection();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return dataSource(jdbcUrl(name));
  }

  /** A new database on the shared server with apisync's own schema migrated into it. */
  public static DataSource migratedDatabase(String prefix) {
    DataSource database = freshDatabase(prefix);
    Flyway.configure().dataSource(database).load().migrate();
    return database;
  }

  /** Runs {@code sql}, one statement or several separated by semicolons, on {@code database}. */
  public static void execute(DataSource database, String sql) {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The Spring properties that point an apisync app at two databases of the shared server: {@code
   * apisync} as its own, {@code source} as the one it syncs from.
   */
  public static Map<String, String> appProperties(DataSource apisync, DataSource source) {
    return Map.of(
        "spring.datasource.url", jdbcUrl(databaseName(apisync)),
        "spring.datasource.username", "postgres",
        "spring.datasource.password", "",
        "apisync.source.url", jdbcUrl(databaseName(source)),
        "apisync.source.username", "postgres",
        "apisync.source.password", "");
  }

  /** The JDBC URL of a database on the shared server. */
  public static String jdbcUrl(String database) {
    String url = adminUrl();
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    int query = url.indexOf('?', slash);
    return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
  }

  /** The database name a data source from {@link #freshDatabase} points at. */
  public static String databaseName(DataSource dataSource) {
    return ((PGSimpleDataSource) dataSource).getDatabaseName();
  }

  private static synchronized String adminUrl() {
    if (adminUrl == null) {
      String configured = System.getenv(URL_VARIABLE);
      if (configured == null || configured.isBlank()) {
        configured = System.getProperty(URL_VARIABLE, "");
      }
      adminUrl = configured.isBlank() ? startEmbedded() : configured;
    }
    return adminUrl;
  }

  private static String startEmbedded() {
    try {
      embedded = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stopEmbedded));
      return embedded.getJdbcUrl("postgres", "postgres");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL; set " + URL_VARIABLE, e);
    }
  }

  private static void stopEmbedded() {
    try {
      embedded.close();
    } catch (IOException ignored) {
      // The JVM is exiting; the temporary cluster goes with it.
    }
  }

  private static DataSource dataSource(String url) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(url);
    return dataSource;
  }
}
