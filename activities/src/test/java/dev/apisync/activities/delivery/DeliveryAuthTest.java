package dev.apisync.activities.delivery;

import static dev.apisync.activities.delivery.TestTargets.apiKey;
import static dev.apisync.activities.delivery.TestTargets.basic;
import static dev.apisync.activities.delivery.TestTargets.bearer;
import static dev.apisync.activities.delivery.TestTargets.config;
import static dev.apisync.activities.delivery.TestTargets.credentials;
import static dev.apisync.activities.delivery.TestTargets.noAuth;
import static dev.apisync.activities.delivery.TestTargets.single;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apisync.activities.config.CredentialsLookup;
import dev.apisync.activities.config.Header;
import dev.apisync.activities.testing.TestEgress;
import dev.apisync.workflows.FailureTypes;
import dev.apisync.workflows.HttpMethod;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Headers;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class DeliveryAuthTest {

  @StartStop private final MockWebServer server = new MockWebServer();
  @AutoClose private final TargetClients clients = new TargetClients(TestEgress.loopbackAllowed());

  @Test
  void basicAuthSendsBase64OfLoginColonPasswordInUtf8() throws Exception {
    Headers sent = sendWith(credentials(basic("admin", "pässwörd")));

    String expected =
        Base64.getEncoder().encodeToString("admin:pässwörd".getBytes(StandardCharsets.UTF_8));
    assertThat(sent.get("Authorization")).isEqualTo("Basic " + expected);
  }

  @Test
  void bearerAuthPrefixesTheToken() throws Exception {
    Headers sent = sendWith(credentials(bearer("tok-123")));

    assertThat(sent.get("Authorization")).isEqualTo("Bearer tok-123");
  }

  @Test
  void bearerTokenAlreadyPrefixedIsSentAsIs() throws Exception {
    Headers sent = sendWith(credentials(bearer("Bearer tok-123")));

    assertThat(sent.get("Authorization")).isEqualTo("Bearer tok-123");
  }

  @Test
  void apiKeyAuthSendsTheNamedHeader() throws Exception {
    Headers sent = sendWith(credentials(apiKey("X-Api-Key", "k-987")));

    assertThat(sent.get("X-Api-Key")).isEqualTo("k-987");
    assertThat(sent.get("Authorization")).isNull();
  }

  @Test
  void customHeadersAreSent() throws Exception {
    Headers sent =
        sendWith(noAuth(new Header("X-Tenant", "acme"), new Header("Accept-Language", "uk")));

    assertThat(sent.get("X-Tenant")).isEqualTo("acme");
    assertThat(sent.get("Accept-Language")).isEqualTo("uk");
  }

  @Test
  void customAuthorizationHeaderDoesNotOverrideAuth() throws Exception {
    Headers sent =
        sendWith(credentials(bearer("tok-123"), new Header("authorization", "Basic c3RhbGU=")));

    assertThat(sent.values("Authorization")).containsExactly("Bearer tok-123");
  }

  @Test
  void customHeaderNamedLikeTheApiKeyHeaderDoesNotOverrideIt() throws Exception {
    Headers sent =
        sendWith(credentials(apiKey("X-Api-Key", "k-987"), new Header("x-api-key", "old")));

    assertThat(sent.values("X-Api-Key")).containsExactly("k-987");
  }

  @Test
  void withoutAuthACustomAuthorizationHeaderIsSent() throws Exception {
    Headers sent = sendWith(noAuth(new Header("Authorization", "Token static")));

    assertThat(sent.get("Authorization")).isEqualTo("Token static");
  }

  @Test
  void headerValueHttpCannotCarryFailsAsInvalidConfigWithoutQuotingIt() {
    var lookup = credentials(bearer("tok-123\nX-Injected: 1"));
    var config = config(server.url("/partners").toString(), HttpMethod.POST);
    var delivery = TestTargets.delivery(lookup, clients);

    assertThatThrownBy(() -> delivery.deliver(single(config, 7, "{}")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getType()).isEqualTo(FailureTypes.INVALID_CONFIG);
              assertThat(failure.getOriginalMessage())
                  .contains("Authorization")
                  .doesNotContain("tok-123");
            });
    assertThat(server.getRequestCount()).isZero();
  }

  private Headers sendWith(CredentialsLookup lookup) throws InterruptedException {
    server.enqueue(new MockResponse.Builder().code(200).build());
    var config = config(server.url("/partners").toString(), HttpMethod.POST);
    TestTargets.delivery(lookup, clients).deliver(single(config, 7, "{\"a\":1}"));
    return server.takeRequest(1, SECONDS).getHeaders();
  }
}
