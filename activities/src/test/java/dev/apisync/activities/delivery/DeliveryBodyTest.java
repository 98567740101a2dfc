package dev.apisync.activities.delivery;

import static dev.apisync.activities.delivery.TestTargets.config;
import static dev.apisync.activities.delivery.TestTargets.noAuth;
import static dev.apisync.activities.delivery.TestTargets.single;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apisync.activities.config.Header;
import dev.apisync.activities.testing.TestEgress;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.DeliveryRequest;
import dev.apisync.workflows.DeliveryResult;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.MappedRecord;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.stream.LongStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class DeliveryBodyTest {

  private static final String PARTNER = "{\"external_id\":\"P-7\",\"name\":\"Azure Interior\"}";

  @StartStop private final MockWebServer server = new MockWebServer();
  @AutoClose private final TargetClients clients = new TargetClients(TestEgress.loopbackAllowed());

  @Test
  void postsSingleRecordAsItsJsonObject() throws Exception {
    server.enqueue(new MockResponse.Builder().code(201).build());

    DeliveryResult result = delivery().deliver(single(post(), 7, PARTNER));

    RecordedRequest sent = server.takeRequest(1, SECONDS);
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getBody().utf8()).isEqualTo(PARTNER);
    assertThat(sent.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(sent.getHeaders().get("User-Agent")).startsWith("apisync/");
    assertThat(sent.getHeaders().get("Idempotency-Key")).matches("[0-9a-f]{64}");
    assertThat(result.sent()).containsExactly(7L);
    assertThat(result.failures()).isEmpty();
  }

  @Test
  void idempotencyKeyIsTheSameWhenTheSameRequestIsRetried() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(200).build());

    assertThatThrownBy(() -> delivery().deliver(single(post(), 7, PARTNER)))
        .isInstanceOf(ApplicationFailure.class);
    delivery().deliver(single(post(), 7, PARTNER));

    String first = server.takeRequest(1, SECONDS).getHeaders().get("Idempotency-Key");
    String retry = server.takeRequest(1, SECONDS).getHeaders().get("Idempotency-Key");
    assertThat(retry).isEqualTo(first);
  }

  @Test
  void idempotencyKeyDiffersForADifferentPayload() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    server.enqueue(new MockResponse.Builder().code(200).build());

    delivery().deliver(single(post(), 7, PARTNER));
    delivery().deliver(single(post(), 7, PARTNER.replace("Azure", "Deco")));

    String before = server.takeRequest(1, SECONDS).getHeaders().get("Idempotency-Key");
    String after = server.takeRequest(1, SECONDS).getHeaders().get("Idempotency-Key");
    assertThat(after).isNotEqualTo(before);
  }

  @Test
  void paginatedRequestSendsAllRecordsAsOneArrayInOrder() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    List<MappedRecord> page =
        LongStream.rangeClosed(1, 7)
            .mapToObj(id -> new MappedRecord(id, "{\"id\":" + id + ",\"n\":\"r" + id + "\"}"))
            .toList();

    DeliveryResult result = delivery().deliver(new DeliveryRequest(post(), page, true));

    String body = server.takeRequest(1, SECONDS).getBody().utf8();
    assertThat(body)
        .isEqualTo(
            "[{\"id\":1,\"n\":\"r1\"},{\"id\":2,\"n\":\"r2\"},{\"id\":3,\"n\":\"r3\"},"
                + "{\"id\":4,\"n\":\"r4\"},{\"id\":5,\"n\":\"r5\"},{\"id\":6,\"n\":\"r6\"},"
                + "{\"id\":7,\"n\":\"r7\"}]");
    assertThat(result.sent()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
  }

  @Test
  void customContentTypeReplacesTheJsonDefault() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    var lookup = noAuth(new Header("content-type", "application/vnd.api+json"));

    TestTargets.delivery(lookup, clients).deliver(single(post(), 7, PARTNER));

    assertThat(server.takeRequest(1, SECONDS).getHeaders().values("Content-Type"))
        .containsExactly("application/vnd.api+json");
  }

  @Test
  void nonAsciiTextArrivesAsUtf8() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    String json = "{\"name\":\"Київ – Zürich ✓\"}";

    delivery().deliver(single(post(), 7, json));

    assertThat(server.takeRequest(1, SECONDS).getBody().utf8()).isEqualTo(json);
  }

  private ConfigSnapshot post() {
    return config(server.url("/partners").toString(), HttpMethod.POST);
  }

  private DeliveryActivitiesImpl delivery() {
    return TestTargets.delivery(noAuth(), clients);
  }
}
