package dev.apisync.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apisync.activities.testing.TestPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/** Where the first admin token comes from, with and without the profile dev. */
class BootstrapAdminTokenTest {

  private static DataSource database;
  private static ApiTokenStore store;

  private final SecurityConfiguration security = new SecurityConfiguration();

  @BeforeAll
  static void migrate() {
    database = TestPostgres.migratedDatabase("bootstrap_token");
    store = new ApiTokenStore(database);
  }

  @BeforeEach
  void noTokens() {
    JdbcClient.create(database).sql("DELETE FROM api_token").update();
  }

  @Test
  void theConfiguredTokenIsAnAdmin() {
    String configured = "a".repeat(40);
    BootstrapAdminToken token =
        security.bootstrapAdminToken(new AccessProperties(configured), production(), store);

    assertThat(token.value()).hasValue(configured);
    assertThat(new TokenAuthenticator(token, store).authenticate(configured))
        .hasValue(new ApiCaller("bootstrap admin", Role.ADMIN));
    assertThat(new TokenAuthenticator(token, store).authenticate("a".repeat(39))).isEmpty();
  }

  @Test
  void aShortConfiguredTokenIsRefused() {
    assertThatThrownBy(
            () -> security.bootstrapAdminToken(new AccessProperties("secret"), production(), store))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("shorter than 32 characters");
  }

  @Test
  void theDevProfileGeneratesOneEachStart() {
    MockEnvironment dev = new MockEnvironment();
    dev.setActiveProfiles("dev");

    BootstrapAdminToken first = security.bootstrapAdminToken(new AccessProperties(""), dev, store);
    BootstrapAdminToken second =
        security.bootstrapAdminToken(new AccessProperties(null), dev, store);

    assertThat(first.value()).hasValueSatisfying(token -> assertThat(token).startsWith("apisync_"));
    assertThat(first.value()).isNotEqualTo(second.value());
  }

  @Test
  void withoutDevNoAdminTokenAndNoStoredTokenTheApiRefusesToStart() {
    assertThatThrownBy(
            () -> security.bootstrapAdminToken(new AccessProperties(""), production(), store))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("APISYNC_ADMIN_TOKEN");
  }

  @Test
  void withoutDevStoredTokensAreEnough() {
    IssuedToken stored = store.issue("ops", Role.ADMIN);

    BootstrapAdminToken none =
        security.bootstrapAdminToken(new AccessProperties(""), production(), store);

    assertThat(none.value()).isEmpty();
    assertThat(new TokenAuthenticator(none, store).authenticate(stored.token()))
        .hasValue(new ApiCaller("ops", Role.ADMIN));
    assertThat(new TokenAuthenticator(none, store).authenticate("")).isEmpty();
  }

  private static MockEnvironment production() {
    return new MockEnvironment();
  }
}
