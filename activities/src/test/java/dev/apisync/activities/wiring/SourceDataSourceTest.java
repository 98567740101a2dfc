package dev.apisync.activities.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.apisync.activities.testing.TestPostgres;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The source pool as both apps build it, against a real PostgreSQL database. */
class SourceDataSourceTest {

  @Test
  void theSourcePoolCannotWriteAndCutsLongStatements() {
    DataSource database = TestPostgres.freshDatabase("source_pool");
    JdbcClient.create(database).sql("CREATE TABLE res_partner (id int, name text)").update();
    String url = TestPostgres.jdbcUrl(TestPostgres.databaseName(database));

    try (HikariDataSource source =
        new StorageConfiguration()
            .sourceDataSource(
                new SourceDatabaseProperties(url, "postgres", "", 2, Duration.ofMillis(800)))) {
      JdbcClient jdbc = JdbcClient.create(source);

      assertThat(jdbc.sql("SELECT count(*) FROM res_partner").query(Long.class).single()).isZero();
      assertThatThrownBy(
              () -> jdbc.sql("INSERT INTO res_partner VALUES (1, 'Azure Interior')").update())
          .rootCause()
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("read-only transaction");
      assertThatThrownBy(() -> jdbc.sql("DROP TABLE res_partner").update())
          .rootCause()
          .hasMessageContaining("read-only transaction");
      assertThat(jdbc.sql("SHOW statement_timeout").query(String.class).single())
          .isEqualTo("800ms");
      assertThatThrownBy(() -> jdbc.sql("SELECT pg_sleep(5)").query(String.class).single())
          .rootCause()
          .hasMessageContaining("statement timeout");
    }
  }

  @Test
  void theStatementTimeoutDefaultsToTheSourceActivitiesTimeout() {
    SourceDatabaseProperties bound =
        new Binder(
                new MapConfigurationPropertySource(
                    Map.of("apisync.source.url", "jdbc:postgresql:odoo")))
            .bindOrCreate("apisync.source", SourceDatabaseProperties.class);

    assertThat(bound.statementTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(bound.maxPoolSize()).isEqualTo(8);
  }
}
