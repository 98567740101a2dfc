package dev.apisync.activities.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyncConfigTest {

  @Test
  void toStringHidesSecretsAndHeaderValues() {
    SyncConfig config =
        SampleConfigs.partners("p").toBuilder()
            .auth(new Auth.Basic("odoo", "pa55word"))
            .header("X-Api-Key", "header-secret")
            .build();

    assertThat(config.toString())
        .doesNotContain("pa55word")
        .doesNotContain("header-secret")
        .contains("X-Api-Key")
        .contains("odoo");
    assertThat(new Auth.Bearer("tok3n").toString()).doesNotContain("tok3n");
    assertThat(new Auth.ApiKey("X-Key", "v4lue").toString()).doesNotContain("v4lue");
  }

  @Test
  void omittedSecretOfTheSameAuthTypeIsTakenFromTheStoredOne() {
    Auth stored = new Auth.Bearer("stored-token");

    assertThat(new Auth.Bearer("").keepingSecretOf(stored).secret()).isEqualTo("stored-token");
    assertThat(new Auth.Bearer("new").keepingSecretOf(stored).secret()).isEqualTo("new");
  }

  @Test
  void omittedSecretIsNotCarriedAcrossAuthTypes() {
    Auth stored = new Auth.Bearer("stored-token");

    Auth basic = new Auth.Basic("odoo", "").keepingSecretOf(stored);

    assertThat(basic).isEqualTo(new Auth.Basic("odoo", ""));
    assertThat(basic.secret()).isEmpty();
  }

  @Test
  void parsesAuthTypesAndMethodsCaseInsensitively() {
    assertThat(new ConfigDraft.RawAuth("APIKEY", "", "", "", "X", "v").parse())
        .contains(new Auth.ApiKey("X", "v"));
    assertThat(new ConfigDraft.RawAuth("api_key", "", "", "", "X", "v").parse())
        .contains(new Auth.ApiKey("X", "v"));
    assertThat(new ConfigDraft.RawAuth("oauth", "", "", "", "", "").parse()).isEmpty();
    ConfigDraft draft = ConfigDraft.of(SampleConfigs.partners("p"));
    assertThat(Drafts.method(draft, " patch ").method())
        .hasValueSatisfying(method -> assertThat(method.name()).isEqualTo("PATCH"));
    assertThat(Drafts.method(draft, "GET,POST").method()).isEmpty();
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
    assertThat(config.auth()).isEqualTo(Auth.NONE);
    assertThat(config.language()).isEqualTo("en_US");
    assertThat(config.limit()).isEqualTo(SyncConfig.NO_LIMIT);
    assertThat(config.rateLimit()).isEqualTo(SyncConfig.NO_RATE_LIMIT);
    assertThat(config.maxFailureRatio()).isEqualTo(SyncConfig.NEVER_FAIL_RATIO);
  }
}
