package dev.apisync.activities.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apisync.activities.config.FieldError;
import dev.apisync.activities.config.InvalidConfigException;
import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.activities.testing.TestPostgres;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The record-event trigger and outbox in a real PostgreSQL source database. */
class EventTriggersTest {

  private static final DataSource SOURCE = TestPostgres.freshDatabase("triggers");
  private static final JdbcClient SQL = JdbcClient.create(SOURCE);
  private final EventTriggers triggers = new EventTriggers(SOURCE, new SourceCatalog(SOURCE));

  @BeforeAll
  static void table() {
    SQL.sql(
            """
            CREATE TABLE res_partner (
              id serial PRIMARY KEY,
              name varchar NOT NULL,
              email varchar,
              phone varchar);
            CREATE TABLE res_country (id serial PRIMARY KEY, name varchar)
            """)
        .update();
  }

  @AfterEach
  void removeAll() {
    triggers.remove(1);
    triggers.remove(2);
    SQL.sql("TRUNCATE res_partner").update();
  }

  @Test
  void capturesCreatesWatchedUpdatesAndDeletesWithTheOldRowInTheWritingTransaction() {
    triggers.install(1, "res.partner", new TriggerSettings(true, true, true, List.of("email")));

    SQL.sql("INSERT INTO res_partner (id, name, email) VALUES (7, 'Ann', 'a@x.example')").update();
    SQL.sql("UPDATE res_partner SET phone = '123' WHERE id = 7").update();
    SQL.sql("UPDATE res_partner SET email = NULL WHERE id = 7").update();
    SQL.sql("DELETE FROM res_partner WHERE id = 7").update();

    List<Map<String, Object>> events =
        SQL.sql(
                "SELECT config_id, operation, record_id, old_row::text AS old_row"
                    + " FROM apisync.record_event ORDER BY id")
            .query()
            .listOfRows();
    assertThat(events)
        .extracting(row -> row.get("operation"))
        .containsExactly("create", "update", "delete");
    assertThat(events).allSatisfy(row -> assertThat(row.get("record_id")).isEqualTo(7L));
    assertThat(events.get(2).get("old_row"))
        .isEqualTo("{\"id\": 7, \"name\": \"Ann\", \"email\": null, \"phone\": \"123\"}");

    // A rolled-back change leaves no event.
    JdbcClient.create(SOURCE).sql("DELETE FROM apisync.record_event").update();
    assertThatThrownBy(
            () ->
                SQL.sql("INSERT INTO res_partner (id, name) VALUES (8, 'Bob'), (8, 'duplicate')")
                    .update())
        .hasMessageContaining("duplicate key");
    assertThat(SQL.sql("SELECT count(*) FROM apisync.record_event").query(Long.class).single())
        .isZero();
  }

  @Test
  void anUpdateWithoutWatchedFieldsCountsAnyChangeButNotANoOp() {
    triggers.install(1, "res.partner", new TriggerSettings(false, true, false, List.of()));
    SQL.sql("INSERT INTO res_partner (id, name) VALUES (1, 'Ann')").update();

    SQL.sql("UPDATE res_partner SET phone = '1' WHERE id = 1").update();
    SQL.sql("UPDATE res_partner SET phone = '1' WHERE id = 1").update();

    assertThat(SQL.sql("SELECT operation FROM apisync.record_event").query(String.class).list())
        .containsExactly("update");
  }

  @Test
  void removingTriggersLeavesNoObjectAndTheSharedOutboxGoesWithTheLastConfig() {
    triggers.install(1, "res.partner", new TriggerSettings(true, true, true, List.of()));
    triggers.install(2, "res.country", new TriggerSettings(true, false, false, List.of()));
    assertThat(objects())
        .containsExactlyInAnyOrder(
            "trigger apisync_config_1_event",
            "trigger apisync_config_2_event",
            "function config_1_record_event",
            "function config_2_record_event",
            "schema apisync");

    triggers.remove(1);
    assertThat(objects())
        .containsExactlyInAnyOrder(
            "trigger apisync_config_2_event", "function config_2_record_event", "schema apisync");
    SQL.sql("INSERT INTO res_partner (name) VALUES ('not captured')").update();

    triggers.remove(2);
    assertThat(objects()).isEmpty();
    triggers.remove(2); // idempotent
  }

  @Test
  void reinstallingReplacesTheTriggerInsteadOfAddingOne() {
    triggers.install(1, "res.partner", new TriggerSettings(true, false, false, List.of()));
    triggers.install(1, "res.partner", new TriggerSettings(false, false, true, List.of()));

    SQL.sql("INSERT INTO res_partner (id, name) VALUES (3, 'x')").update();
    SQL.sql("DELETE FROM res_partner WHERE id = 3").update();

    assertThat(SQL.sql("SELECT operation FROM apisync.record_event").query(String.class).list())
        .containsExactly("delete");
  }

  @Test
  void refusesUnknownOrUnstoredWatchFieldsByIndexAndInstallsNothing() {
    assertThatThrownBy(
            () ->
                triggers.install(
                    1,
                    "res.partner",
                    new TriggerSettings(false, true, false, List.of("email", "nickname"))))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("watchFields[1]"));
    assertThatThrownBy(
            () ->
                triggers.install(
                    1, "res.partner", new TriggerSettings(false, false, false, List.of())))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("onCreate"));
    assertThat(objects()).isEmpty();
  }

  @Test
  void aRoleWithoutTheRightIsRefusedWithPostgresReason() {
    // Roles belong to the whole server, which other test databases share: a name of its own.
    String role = "reader_" + TestPostgres.databaseName(SOURCE);
    SQL.sql("CREATE ROLE " + role + " LOGIN PASSWORD 'reader'").update();
    SQL.sql("GRANT SELECT ON res_partner TO " + role).update();
    PGSimpleDataSource reader = new PGSimpleDataSource();
    reader.setUrl(((PGSimpleDataSource) SOURCE).getUrl());
    reader.setUser(role);
    reader.setPassword("reader");
    EventTriggers refused = new EventTriggers(reader, new SourceCatalog(SOURCE));

    assertThatThrownBy(
            () ->
                refused.install(
                    1, "res.partner", new TriggerSettings(true, false, false, List.of())))
        .isInstanceOf(TriggerRefusedException.class)
        .hasMessageContaining("permission denied");
    assertThat(objects()).isEmpty();
  }

  /** What apisync may have installed: its schema, functions and triggers. */
  private static List<String> objects() {
    return SQL.sql(
            """
            SELECT 'schema ' || nspname FROM pg_namespace WHERE nspname = 'apisync'
            UNION ALL
            SELECT 'function ' || p.proname FROM pg_proc p
              JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'apisync'
            UNION ALL
            SELECT 'trigger ' || tgname FROM pg_trigger WHERE tgname LIKE 'apisync%'
            """)
        .query(String.class)
        .list();
  }
}
