package dev.apisync.activities.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apisync.activities.testing.TestConfigStores;
import dev.apisync.activities.testing.TestPostgres;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.FieldLine;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class ConfigStoreTest {

  private static DataSource database;
  private static ConfigStore store;
  private static JdbcClient jdbc;

  @BeforeAll
  static void migrate() {
    database = TestPostgres.migratedDatabase("config_store");
    store = TestConfigStores.on(database);
    jdbc = JdbcClient.create(database);
  }

  @Test
  void roundTripsEveryField() {
    SyncConfig config = SampleConfigs.everyField("round trip");

    long id = store.create(config);
    StoredConfig stored = store.find(id).orElseThrow();

    assertThat(stored.id()).isEqualTo(id);
    assertThat(stored.config()).isEqualTo(config);
    assertThat(stored.createdAt()).isNotNull();
    assertThat(stored.updatedAt()).isEqualTo(stored.createdAt());
  }

  @Test
  void roundTripsEachAuthType() {
    for (Auth auth :
        List.of(Auth.NONE, new Auth.Bearer("tok"), new Auth.ApiKey("X-Api-Key", "k3y"))) {
      SyncConfig config =
          SampleConfigs.partners("auth " + auth.typeName()).toBuilder().auth(auth).build();

      long id = store.create(config);

      assertThat(store.find(id).orElseThrow().config().auth()).isEqualTo(auth);
    }
  }

  @Test
  void encryptsSecretsAtRest() {
    long id =
        store.create(
            SampleConfigs.partners("at rest").toBuilder()
                .auth(new Auth.Bearer("plaintext-token-42"))
                .build());

    byte[] raw =
        jdbc.sql("SELECT auth_secret FROM sync_config WHERE id = :id")
            .param("id", id)
            .query(byte[].class)
            .single();

    assertThat(raw).isNotEmpty();
    assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain("plaintext-token-42");
    assertThat(store.find(id).orElseThrow().config().auth().secret())
        .isEqualTo("plaintext-token-42");
  }

  @Test
  void replaceWithoutSecretKeepsTheStoredOne() {
    SyncConfig original =
        SampleConfigs.partners("keep secret").toBuilder()
            .auth(new Auth.Basic("odoo", "original-password"))
            .build();
    long id = store.create(original);

    boolean replaced =
        store.replace(
            id,
            original.toBuilder()
                .auth(new Auth.Basic("odoo2", ""))
                .requestUrl("https://api.example.com/v2/partners")
                .build());

    assertThat(replaced).isTrue();
    SyncConfig stored = store.find(id).orElseThrow().config();
    assertThat(stored.auth()).isEqualTo(new Auth.Basic("odoo2", "original-password"));
    assertThat(stored.requestUrl()).isEqualTo("https://api.example.com/v2/partners");
  }

  @Test
  void secretHeadersAreEncryptedAtRestAndKeptByAnEditThatOmitsThem() {
    SyncConfig original =
        SampleConfigs.partners("secret header").toBuilder()
            .headers(
                List.of(
                    Header.secret("X-Shop-Token", "shop-token-77"), new Header("X-Tenant", "acme")))
            .build();
    long id = store.create(original);

    String plain =
        jdbc.sql(
                "SELECT string_agg(key || '=' || value, ',' ORDER BY position)"
                    + " FROM sync_config_header WHERE config_id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    byte[] sealed =
        jdbc.sql(
                "SELECT secret_value FROM sync_config_header WHERE config_id = :id AND position = 0")
            .param("id", id)
            .query(byte[].class)
            .single();
    assertThat(plain).isEqualTo("X-Shop-Token=,X-Tenant=acme");
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("shop-token-77");
    assertThat(store.credentials(id).headers())
        .containsExactly(
            Header.secret("X-Shop-Token", "shop-token-77"), new Header("X-Tenant", "acme"));
    assertThat(store.snapshot(id)).isPresent();

    store.replace(
        id,
        original.toBuilder()
            .headers(List.of(Header.secret("x-shop-token", ""), new Header("X-Tenant", "beta")))
            .build());
    assertThat(store.credentials(id).headers())
        .containsExactly(
            Header.secret("x-shop-token", "shop-token-77"), new Header("X-Tenant", "beta"));

    store.replace(
        id,
        original.toBuilder()
            .requestUrl("https://elsewhere.example.com/partners")
            .headers(List.of(Header.secret("X-Shop-Token", "")))
            .build());
    assertThat(store.credentials(id).headers()).containsExactly(Header.secret("X-Shop-Token", ""));
  }

  @Test
  void anEditToAnotherOriginKeepsNoStoredSecret() {
    SyncConfig original =
        SampleConfigs.partners("origin move").toBuilder()
            .requestUrl("https://api.example.com/partners?api_key=k-1")
            .auth(new Auth.Bearer("stored-token"))
            .build();
    long id = store.create(original);

    store.replace(
        id,
        original.toBuilder()
            .requestUrl("https://attacker.example/partners?api_key=***")
            .auth(new Auth.Bearer(""))
            .build());

    SyncConfig stored = store.find(id).orElseThrow().config();
    assertThat(stored.auth().secret()).isEmpty();
    assertThat(stored.requestUrl()).isEqualTo("https://attacker.example/partners?api_key=***");
  }

  @Test
  void replaceWithNewSecretOrAuthTypeDropsTheOldSecret() {
    long id =
        store.create(
            SampleConfigs.partners("new secret").toBuilder()
                .auth(new Auth.Bearer("old-token"))
                .build());

    store.replace(
        id,
        SampleConfigs.partners("new secret").toBuilder()
            .auth(new Auth.Bearer("new-token"))
            .build());
    assertThat(store.find(id).orElseThrow().config().auth().secret()).isEqualTo("new-token");

    store.replace(id, SampleConfigs.partners("new secret"));
    assertThat(store.find(id).orElseThrow().config().auth()).isEqualTo(Auth.NONE);
    assertThat(
            jdbc.sql("SELECT auth_secret IS NULL FROM sync_config WHERE id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void replaceSwapsLinesAndHeadersAndStampsUpdatedAt() {
    long id = store.create(SampleConfigs.everyField("swap children"));
    StoredConfig before = store.find(id).orElseThrow();
    SyncConfig edited =
        SampleConfigs.partners("swap children").toBuilder()
            .lines(List.of(SyncConfig.Line.identifier("email", "key")))
            .header("X-Only", "one")
            .build();

    store.replace(id, edited);

    StoredConfig after = store.find(id).orElseThrow();
    assertThat(after.config()).isEqualTo(edited);
    assertThat(after.createdAt()).isEqualTo(before.createdAt());
    assertThat(after.updatedAt()).isAfterOrEqualTo(before.updatedAt());
  }

  @Test
  void replaceOrDeleteOfAnUnknownIdReportsFalse() {
    assertThat(store.replace(999_999, SampleConfigs.partners("nobody"))).isFalse();
    assertThat(store.delete(999_999)).isFalse();
    assertThat(store.find(999_999)).isEmpty();
    assertThat(store.snapshot(999_999)).isEmpty();
  }

  @Test
  void deleteCascadesToLinesAndHeaders() {
    long id = store.create(SampleConfigs.everyField("cascade"));

    assertThat(store.delete(id)).isTrue();

    assertThat(store.find(id)).isEmpty();
    assertThat(countWhereConfig("sync_config_line", id)).isZero();
    assertThat(countWhereConfig("sync_config_header", id)).isZero();
  }

  @Test
  void refusesToDeleteAConfigThatAnotherUsesAsMapping() {
    long countries = store.create(SampleConfigs.countries("countries in use"));
    long partners =
        store.create(
            SampleConfigs.partners("partners using countries").toBuilder()
                .line(SyncConfig.Line.relational("country_id", "country", countries))
                .build());

    assertThatThrownBy(() -> store.delete(countries))
        .isInstanceOfSatisfying(
            ConfigInUseException.class,
            e -> assertThat(e.usedBy()).extracting(ConfigRef::id).containsExactly(partners))
        .hasMessageContaining("partners using countries");
    assertThat(store.exists(countries)).isTrue();

    store.delete(partners);
    assertThat(store.delete(countries)).isTrue();
  }

  @Test
  void aTakenNameIsAnErrorOnNameIgnoringCase() {
    store.create(SampleConfigs.partners("Unique Name"));

    assertThatThrownBy(() -> store.create(SampleConfigs.partners("unique name")))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("name"));
    assertThat(store.findByName("UNIQUE NAME", 0)).isPresent();
  }

  @Test
  void aFailedWriteStoresNothing() {
    long id = store.create(SampleConfigs.partners("taken by replace"));
    long other = store.create(SampleConfigs.partners("original other"));

    assertThatThrownBy(() -> store.replace(other, SampleConfigs.everyField("taken by replace")))
        .isInstanceOf(InvalidConfigException.class);

    assertThat(store.find(other).orElseThrow().config())
        .isEqualTo(SampleConfigs.partners("original other"));
    assertThat(store.exists(id)).isTrue();
  }

  @Test
  void snapshotHoldsNoSecretsAndLinesInOrder() {
    long countries = store.create(SampleConfigs.countries("snapshot countries"));
    SyncConfig config =
        SampleConfigs.everyField("snapshot").toBuilder()
            .line(SyncConfig.Line.relational("country_id", "country", countries))
            .line(SyncConfig.Line.python("greeting", "'Hi ' + record.name"))
            .build();
    long id = store.create(config);

    ConfigSnapshot snapshot = store.snapshot(id).orElseThrow();

    assertThat(snapshot.id()).isEqualTo(id);
    assertThat(snapshot.httpMethod()).isEqualTo(HttpMethod.PUT);
    assertThat(snapshot.limit()).isEqualTo(500);
    assertThat(snapshot.language()).isEqualTo("uk_UA");
    assertThat(snapshot.enabled()).isFalse();
    assertThat(snapshot.retry()).isEqualTo(config.retry());
    assertThat(snapshot.lines())
        .containsExactly(
            new FieldLine("id", "external_id", ValueType.PLAIN, true, 0, ""),
            new FieldLine("name", "name", ValueType.PLAIN, false, 0, ""),
            new FieldLine("email", "contact.email", ValueType.PLAIN, false, 0, ""),
            new FieldLine("country_id", "country", ValueType.RELATIONAL, false, countries, ""),
            new FieldLine("", "greeting", ValueType.PYTHON, false, 0, "'Hi ' + record.name"));
    assertThat(snapshot.toString()).doesNotContain("s3cret-password");
  }

  @Test
  void snapshotWithoutLimitSaysZero() {
    long id = store.create(SampleConfigs.partners("no limit"));

    assertThat(store.snapshot(id).orElseThrow().limit()).isZero();
  }

  @Test
  void credentialsAreDecryptedAuthAndHeaders() {
    long id = store.create(SampleConfigs.everyField("credentials"));

    TargetCredentials credentials = store.credentials(id);

    assertThat(credentials.auth()).isEqualTo(new Auth.Basic("odoo", "s3cret-password"));
    assertThat(credentials.headers())
        .containsExactly(new Header("X-Tenant", "acme"), new Header("Accept", "application/json"));
    assertThatThrownBy(() -> store.credentials(999_999)).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void listsEveryConfigByIdWithItsChildren() {
    long first = store.create(SampleConfigs.everyField("list one"));
    long second = store.create(SampleConfigs.partners("list two"));

    List<StoredConfig> all = store.list();

    assertThat(all).extracting(StoredConfig::id).containsSubsequence(first, second);
    assertThat(all.stream().filter(c -> c.id() == first).findFirst().orElseThrow().config())
        .isEqualTo(SampleConfigs.everyField("list one"));
    assertThat(all.stream().filter(c -> c.id() == second).findFirst().orElseThrow().config())
        .isEqualTo(SampleConfigs.partners("list two"));
  }

  private static int countWhereConfig(String table, long id) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE config_id = :id")
        .param("id", id)
        .query(Integer.class)
        .single();
  }
}
