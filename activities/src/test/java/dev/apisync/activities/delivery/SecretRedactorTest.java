package dev.apisync.activities.delivery;

import static dev.apisync.activities.delivery.TestTargets.apiKey;
import static dev.apisync.activities.delivery.TestTargets.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.config.AuthSettings;
import okhttp3.Headers;
import okhttp3.HttpUrl;
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

    Headers redacted = SecretRedactor.redactHeaders(headers, AuthSettings.NONE);

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
            apiKey("x-partner", "k-987654"));

    assertThat(redacted.get("X-Partner")).isEqualTo("***");
    assertThat(redacted.get("X-Tenant")).isEqualTo("acme");
  }

  @Test
  void masksHeadersWhoseNameLooksSecretOrWhoseValueHoldsTheToken() {
    Headers redacted =
        SecretRedactor.redactHeaders(
            Headers.of("X-Shop-Token", "abc", "X-Forwarded", "via tok-123456", "X-Request", "r1"),
            bearer("tok-123456"));

    assertThat(redacted.get("X-Shop-Token")).isEqualTo("***");
    assertThat(redacted.get("X-Forwarded")).isEqualTo("***");
    assertThat(redacted.get("X-Request")).isEqualTo("r1");
  }

  @Test
  void returnsACopyAndLeavesTheSentHeadersAlone() {
    Headers sent = Headers.of("Authorization", "Bearer t");

    SecretRedactor.redactHeaders(sent, AuthSettings.NONE);

    assertThat(sent.get("Authorization")).isEqualTo("Bearer t");
  }

  @Test
  void masksSecretLookingQueryParameters() {
    HttpUrl url = HttpUrl.get("https://api.example/p?api_key=s3cr3t&name=Azure&access_token=t");

    assertThat(SecretRedactor.redactUrl(url).toString())
        .isEqualTo("https://api.example/p?api_key=***&name=Azure&access_token=***");
  }

  @Test
  void leavesAUrlWithoutSecretsExactlyAsItWas() {
    HttpUrl url = HttpUrl.get("https://api.example/p?name=A%20B&x");

    assertThat(SecretRedactor.redactUrl(url)).isSameAs(url);
  }
}
