package dev.apisync.activities.delivery;

import static dev.apisync.activities.delivery.TestTargets.config;
import static dev.apisync.activities.delivery.TestTargets.noAuth;
import static dev.apisync.activities.delivery.TestTargets.single;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.testing.TestEgress;
import dev.apisync.workflows.DeliveryRequest;
import dev.apisync.workflows.DeliveryResult;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.MappedRecord;
import dev.apisync.workflows.RecordFailure;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class DeliveryUrlTest {

  @StartStop private final MockWebServer server = new MockWebServer();
  @AutoClose private final TargetClients clients = new TargetClients(TestEgress.loopbackAllowed());
  private final DeliveryActivitiesImpl delivery = TestTargets.delivery(noAuth(), clients);

  @Test
  void getPutsTopLevelValuesInTheQueryStringAndSendsNoBody() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    String json =
        "{\"ref\":\"A&B +1\",\"amount\":12.50,\"active\":true,\"note\":null,"
            + "\"address\":{\"city\":\"Київ\"},\"tags\":[1,2]}";

    delivery.deliver(single(config(url("/lookup?source=odoo"), HttpMethod.GET), 7, json));

    RecordedRequest sent = server.takeRequest(1, SECONDS);
    HttpUrl sentUrl = sent.getUrl();
    assertThat(sent.getMethod()).isEqualTo("GET");
    assertThat(sent.getBodySize()).isZero();
    assertThat(sent.getHeaders().get("Content-Type")).isNull();
    assertThat(sentUrl.queryParameterNames())
        .containsExactly("source", "ref", "amount", "active", "address", "tags");
    assertThat(sentUrl.queryParameter("ref")).isEqualTo("A&B +1");
    assertThat(sentUrl.queryParameter("amount")).isEqualTo("12.50");
    assertThat(sentUrl.queryParameter("active")).isEqualTo("true");
    assertThat(sentUrl.queryParameter("address")).isEqualTo("{\"city\":\"Київ\"}");
    assertThat(sentUrl.queryParameter("tags")).isEqualTo("[1,2]");
    assertThat(sentUrl.encodedQuery()).contains("ref=A%26B%20%2B1");
  }

  @Test
  void putFillsTheUrlPlaceholderFromTheRecordAndSendsTheBody() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    String json = "{\"external_id\":\"P-7\",\"name\":\"Azure\"}";

    DeliveryResult result =
        delivery.deliver(single(config(url("/partners/{external_id}"), HttpMethod.PUT), 7, json));

    RecordedRequest sent = server.takeRequest(1, SECONDS);
    assertThat(sent.getMethod()).isEqualTo("PUT");
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/partners/P-7");
    assertThat(sent.getBody().utf8()).isEqualTo(json);
    assertThat(result.sent()).containsExactly(7L);
  }

  @Test
  void placeholderValuesArePathEncodedSoTheyStayOneSegment() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    String json = "{\"address\":{\"city\":\"Kyiv/Center ?#\"}}";

    delivery.deliver(single(config(url("/cities/{address.city}"), HttpMethod.PUT), 7, json));

    RecordedRequest sent = server.takeRequest(1, SECONDS);
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/cities/Kyiv%2FCenter%20%3F%23");
    assertThat(sent.getUrl().pathSegments()).containsExactly("cities", "Kyiv/Center ?#");
  }

  @Test
  void deleteWithAPlaceholderSendsNoBody() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());

    DeliveryResult result =
        delivery.deliver(single(config(url("/partners/{id}"), HttpMethod.DELETE), 7, "{\"id\":7}"));

    RecordedRequest sent = server.takeRequest(1, SECONDS);
    assertThat(sent.getMethod()).isEqualTo("DELETE");
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/partners/7");
    assertThat(sent.getBodySize()).isZero();
    assertThat(sent.getHeaders().get("Content-Type")).isNull();
    assertThat(result.sent()).containsExactly(7L);
  }

  @Test
  void deleteWithoutPlaceholdersSendsTheJsonBody() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());

    delivery.deliver(single(config(url("/partners"), HttpMethod.DELETE), 7, "{\"id\":7}"));

    RecordedRequest sent = server.takeRequest(1, SECONDS);
    assertThat(sent.getBody().utf8()).isEqualTo("{\"id\":7}");
    assertThat(sent.getHeaders().get("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void missingPlaceholderValueFailsTheRecordWithoutSending() {
    DeliveryResult result =
        delivery.deliver(
            single(config(url("/partners/{external_id}"), HttpMethod.PUT), 7, "{\"name\":\"x\"}"));

    assertThat(server.getRequestCount()).isZero();
    assertThat(result.sent()).isEmpty();
    assertThat(result.failures())
        .containsExactly(
            new RecordFailure(
                7, "URL placeholder {external_id} is not in the mapped record (record 7)", 0));
  }

  @Test
  void nullPlaceholderValueFailsTheRecordWithoutSending() {
    DeliveryResult result =
        delivery.deliver(
            single(
                config(url("/partners/{external_id}"), HttpMethod.PUT),
                7,
                "{\"external_id\":null}"));

    assertThat(server.getRequestCount()).isZero();
    assertThat(result.failures().getFirst().reason()).contains("{external_id} is null");
  }

  @Test
  void pageOfSeveralRecordsCannotFillPlaceholdersSoAllFailWithoutSending() {
    var page = List.of(new MappedRecord(1, "{\"id\":1}"), new MappedRecord(2, "{\"id\":2}"));

    DeliveryResult result =
        delivery.deliver(
            new DeliveryRequest(config(url("/partners/{id}"), HttpMethod.PUT), page, true));

    assertThat(server.getRequestCount()).isZero();
    assertThat(result.failures()).extracting(RecordFailure::recordId).containsExactly(1L, 2L);
    assertThat(result.failures().getFirst().reason()).contains("turn pagination off");
  }

  private String url(String path) {
    // The template keeps its braces: HttpUrl would percent-encode them.
    return server.url("/").toString().replaceAll("/$", "") + path;
  }
}
