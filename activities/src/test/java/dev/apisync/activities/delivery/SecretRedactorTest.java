package dev.apisync.activities.delivery;

import static dev.apisync.activities.delivery.TestTargets.apiKey;
import static dev.apisync.activities.delivery.TestTargets.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.config.Auth;
import dev.apisync.activities.config.Header;
import dev.apisync.activities.config.TargetCredentials;
import java.util.List;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {

  @Test
  void masksCredentialHeadersWhateverTheirCase() {
    Headers headers =
        Headers.of(
            "authorization", "Bearer t",
            "Proxy-Authorization", "Basic x",
            "COOKIE", "sid=1",
            "Set-Cookie", "sid=2",
            "Accept", "application/json");

    Headers redacted = SecretRedactor.redactHeaders(headers, noCredentials());

    assertThat(redacted)
        .isEqualTo(
            Headers.of(
                "authorization", "***",
                "Proxy-Authorization", "***",
                "COOKIE", "***",
                "Set-Cookie", "***",
                "Accept", "application/json"));
  }

  @Test
  void masksTheConfiguredApiKeyHeaderEvenWithAnInnocentName() {
    Headers redacted =
        SecretRedactor.redactHeaders(
            Headers.of("X-Partner", "k-987654", "X-Tenant", "acme"),
            new TargetCredentials(apiKey("x-partner", "k-987654"), List.of()));

    assertThat(redacted.get("X-Partner")).isEqualTo("***");
    assertThat(redacted.get("X-Tenant")).isEqualTo("acme");
  }

  @Test
  void masksHeadersWhoseNameLooksSecretOrWhoseValueHoldsTheToken() {
    Headers redacted =
        SecretRedactor.redactHeaders(
            Headers.of("X-Shop-Token", "abc", "X-Forwarded", "via tok-123456", "X-Request", "r1"),
            new TargetCredentials(bearer("tok-123456"), List.of()));

    assertThat(redacted.get("X-Shop-Token")).isEqualTo("***");
    assertThat(redacted.get("X-Forwarded")).isEqualTo("***");
    assertThat(redacted.get("X-Request")).isEqualTo("r1");
  }

  @Test
  void returnsACopyAndLeavesTheSentHeadersAlone() {
    Headers sent = Headers.of("Authorization", "Bearer t");

    SecretRedactor.redactHeaders(sent, noCredentials());

    assertThat(sent.get("Authorization")).isEqualTo("Bearer t");
  }

  @Test
  void masksHeadersMarkedSecretAndTheirValueWherever() {
    TargetCredentials credentials =
        new TargetCredentials(
            Auth.NONE,
            List.of(Header.secret("X-Partner-Id", "p-55667788"), new Header("X-Tenant", "acme")));

    Headers redacted =
        SecretRedactor.redactHeaders(
            Headers.of(
                "X-Partner-Id", "p-55667788",
                "X-Tenant", "acme",
                "X-Echo", "id=p-55667788"),
            credentials);

    assertThat(redacted.get("X-Partner-Id")).isEqualTo("***");
    assertThat(redacted.get("X-Echo")).isEqualTo("***");
    assertThat(redacted.get("X-Tenant")).isEqualTo("acme");
  }

  private static TargetCredentials noCredentials() {
    return new TargetCredentials(Auth.NONE, List.of());
  }
}
