package dev.apisync.activities.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyncConfigTest {

  @Test
  void toStringHidesSecretsAndHeaderValues() {
    SyncConfig config =
        SampleConfigs.partners("p").toBuilder()
            .auth(SyncConfig.Auth.basic("odoo", "pa55word"))
            .header("X-Api-Key", "header-secret")
            .build();

    assertThat(config.toString())
        .doesNotContain("pa55word")
        .doesNotContain("header-secret")
        .contains("X-Api-Key")
        .contains("odoo");
    assertThat(SyncConfig.Auth.bearer("tok3n").toString()).doesNotContain("tok3n");
    assertThat(SyncConfig.Auth.apiKey("X-Key", "v4lue").toString()).doesNotContain("v4lue");
  }

  @Test
  void omittedSecretOfTheSameAuthTypeIsTakenFromTheStoredOne() {
    SyncConfig.Auth stored = SyncConfig.Auth.bearer("stored-token");

    assertThat(SyncConfig.Auth.bearer("").keepingSecretOf(stored).token())
        .isEqualTo("stored-token");
    assertThat(SyncConfig.Auth.bearer("new").keepingSecretOf(stored).token()).isEqualTo("new");
  }

  @Test
  void omittedSecretIsNotCarriedAcrossAuthTypes() {
    SyncConfig.Auth stored = SyncConfig.Auth.bearer("stored-token");

    SyncConfig.Auth basic = SyncConfig.Auth.basic("odoo", "").keepingSecretOf(stored);

    assertThat(basic.password()).isEmpty();
    assertThat(basic.secret()).isEmpty();
  }

  @Test
  void parsesAuthTypesAndMethodsCaseInsensitively() {
    assertThat(new SyncConfig.Auth("APIKEY", "", "", "", "X", "v").authType())
        .contains(AuthType.API_KEY);
    assertThat(new SyncConfig.Auth("api_key", "", "", "", "X", "v").authType())
        .contains(AuthType.API_KEY);
    assertThat(new SyncConfig.Auth("oauth", "", "", "", "", "").authType()).isEmpty();
    assertThat(SampleConfigs.partners("p").toBuilder().httpMethod(" patch ").build().method())
        .hasValueSatisfying(method -> assertThat(method.name()).isEqualTo("PATCH"));
    assertThat(SampleConfigs.partners("p").toBuilder().httpMethod("GET,POST").build().method())
        .isEmpty();
  }

  @Test
  void appliesSpecDefaults() {
    SyncConfig config = SyncConfig.builder().build();

    assertThat(config.filterDomain()).isEqualTo("[]");
    assertThat(config.connectTimeout()).isEqualTo(5);
    assertThat(config.readTimeout()).isEqualTo(15);
    assertThat(config.pageSize()).isEqualTo(100);
    assertThat(config.retry().maxAttempts()).isEqualTo(5);
    assertThat(config.retry().initialIntervalMillis()).isEqualTo(1_000);
    assertThat(config.retry().backoffCoefficient()).isEqualTo(2.0);
    assertThat(config.retry().maxIntervalMillis()).isEqualTo(60_000);
    assertThat(config.concurrency()).isEqualTo(1);
    assertThat(config.enabled()).isTrue();
    assertThat(config.auth().authType()).contains(AuthType.NONE);
    assertThat(config.language()).isEqualTo("en_US");
    assertThat(config.limit()).isNull();
    assertThat(config.rateLimit()).isNull();
  }
}
