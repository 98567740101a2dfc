package dev.apisync.activities.delivery;

import static dev.apisync.activities.delivery.TestTargets.apiKey;
import static dev.apisync.activities.delivery.TestTargets.bearer;
import static dev.apisync.activities.delivery.TestTargets.config;
import static dev.apisync.activities.delivery.TestTargets.credentials;
import static dev.apisync.activities.delivery.TestTargets.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apisync.activities.config.Header;
import dev.apisync.activities.testing.TestEgress;
import dev.apisync.workflows.FailureTypes;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.RequestPreview;
import io.temporal.failure.ApplicationFailure;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class DeliveryPreviewTest {

  private static final String RECORD = "{\"external_id\":\"P-7\",\"name\":\"Azure\"}";

  @StartStop private final MockWebServer server = new MockWebServer();
  @AutoClose private final TargetClients clients = new TargetClients(TestEgress.loopbackAllowed());

  @Test
  void previewShowsTheRequestWithSecretsMaskedAndSendsNothing() {
    var lookup =
        credentials(
            bearer("tok-123456"),
            new Header("X-Tenant", "acme"),
            new Header("X-Shop-Token", "shop-secret"),
            new Header("Cookie", "session=abc"));
    var config = config(server.url("/partners").toString(), HttpMethod.POST);

    RequestPreview preview =
        TestTargets.delivery(lookup, clients).preview(single(config, 7, RECORD));

    assertThat(server.getRequestCount()).isZero();
    assertThat(preview.recordIds()).containsExactly(7L);
    assertThat(preview.method()).isEqualTo("POST");
    assertThat(preview.url()).isEqualTo(server.url("/partners").toString());
    assertThat(preview.body()).isEqualTo(RECORD);
    assertThat(preview.headers())
        .containsEntry("Authorization", "***")
        .containsEntry("X-Shop-Token", "***")
        .containsEntry("Cookie", "***")
        .containsEntry("X-Tenant", "acme")
        .containsEntry("Content-Type", "application/json")
        .containsKey("Idempotency-Key");
    assertThat(preview.toString()).doesNotContain("tok-123456", "shop-secret", "abc");
  }

  @Test
  void previewMasksTheApiKeyHeader() {
    var lookup = credentials(apiKey("X-Partner", "k-987654"));
    var config = config(server.url("/partners").toString(), HttpMethod.POST);

    RequestPreview preview =
        TestTargets.delivery(lookup, clients).preview(single(config, 7, RECORD));

    assertThat(preview.headers()).containsEntry("X-Partner", "***");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void previewOfGetHasTheQueryStringAndNoBody() {
    var config = config(server.url("/lookup").toString(), HttpMethod.GET);

    RequestPreview preview =
        TestTargets.delivery(TestTargets.noAuth(), clients).preview(single(config, 7, RECORD));

    assertThat(preview.url()).endsWith("/lookup?external_id=P-7&name=Azure");
    assertThat(preview.body()).isEmpty();
    assertThat(preview.headers()).doesNotContainKey("Content-Type");
  }

  @Test
  void previewOfAnUnsendableRecordFailsWithTheReason() {
    var config = config(server.url("/").toString() + "partners/{missing}", HttpMethod.PUT);
    var delivery = TestTargets.delivery(TestTargets.noAuth(), clients);

    assertThatThrownBy(() -> delivery.preview(single(config, 7, RECORD)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(FailureTypes.INVALID_CONFIG);
              assertThat(failure.getOriginalMessage()).contains("{missing}");
            });
    assertThat(server.getRequestCount()).isZero();
  }
}
