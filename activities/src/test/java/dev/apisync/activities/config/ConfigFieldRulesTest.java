package dev.apisync.activities.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.apisync.activities.egress.EgressPolicy;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.OutageSettings;
import dev.apisync.workflows.RetrySettings;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The rules a config's fields follow among themselves: no database, no source, no Python. */
class ConfigFieldRulesTest {

  private static SyncConfig.Builder valid() {
    return SyncConfig.builder()
        .name("partners")
        .model("res.partner")
        .requestUrl("https://203.0.113.7/partners/{external_id}")
        .httpMethod(HttpMethod.PUT)
        .line(SyncConfig.Line.identifier("id", "external_id"))
        .line(SyncConfig.Line.plain("name", "name"));
  }

  private static List<FieldError> errors(SyncConfig config, Consumer<ConfigFieldRules> rules) {
    ConfigErrors errors = new ConfigErrors();
    rules.accept(
        new ConfigFieldRules(
            ConfigDraft.of(config), Optional.empty(), EgressPolicy.strict(), errors));
    return errors.list();
  }

  private static List<FieldError> all(SyncConfig config) {
    return errors(
        config,
        rules -> {
          rules.name();
          rules.paging(rules.httpMethod());
          rules.timeouts();
          rules.credentials();
          rules.lines();
          rules.requestUrl();
          rules.retryAndLoad();
          rules.language();
          rules.scriptTimeout();
        });
  }

  @Test
  void aValidConfigBreaksNoRule() {
    assertThat(all(valid().build())).isEmpty();
  }

  @Test
  void placeholdersMustNameAnExternalKeyAndNotBeEmpty() {
    assertThat(all(valid().requestUrl("https://203.0.113.7/p/{code}/{}").build()))
        .extracting(FieldError::field, FieldError::message)
        .containsExactly(
            tuple("requestUrl", "placeholder {code} is not the externalKey of any line"),
            tuple("requestUrl", "has an empty placeholder {}"));
  }

  @Test
  void aStrayBraceIsNamed() {
    assertThat(all(valid().requestUrl("https://203.0.113.7/p/{external_id").build()))
        .extracting(FieldError::message)
        .containsExactly("has an unmatched '{' or '}'; placeholders look like {external_id}");
  }

  @Test
  void anInternalTargetIsRefusedByTheEgressPolicy() {
    assertThat(all(valid().requestUrl("http://169.254.169.254/latest").build()))
        .extracting(FieldError::field)
        .containsExactly("requestUrl");
  }

  @Test
  void retryAndOutageSettingsHaveTheirRanges() {
    SyncConfig config =
        valid()
            .retry(new RetrySettings(0, 1_000, 0.5, 500))
            .outage(new OutageSettings(0, 60, 50_000))
            .build();

    assertThat(all(config))
        .extracting(FieldError::field)
        .containsExactly(
            "retry.maxAttempts",
            "retry.maxInterval",
            "retry.backoffCoefficient",
            "outage.circuitThreshold",
            "outage.maxOutageMinutes");
  }

  @Test
  void headersMayNotRepeatNorSetAuthorization() {
    SyncConfig config =
        valid()
            .header("X-Tenant", "a")
            .header("x-tenant", "b")
            .header("Authorization", "Bearer t")
            .build();

    assertThat(all(config))
        .extracting(FieldError::field)
        .containsExactly("headers[1].key", "headers[2].key");
  }

  @Test
  void exactlyOneLineIsTheIdentifierAndKeysDoNotCollide() {
    SyncConfig config =
        SampleConfigs.posting("x", "res.partner", "https://203.0.113.7/p")
            .line(SyncConfig.Line.plain("name", "address"))
            .line(SyncConfig.Line.plain("city", "address.city"))
            .build();

    assertThat(all(config))
        .extracting(FieldError::field)
        .containsExactly("lines", "lines[1].externalKey");
  }
}
