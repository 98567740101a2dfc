package dev.apisync.activities.delivery;

import static dev.apisync.activities.delivery.TestTargets.config;
import static dev.apisync.activities.delivery.TestTargets.noAuth;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.requestlog.LoggedText;
import dev.apisync.activities.requestlog.RequestLog;
import dev.apisync.activities.testing.TestEgress;
import dev.apisync.workflows.DeliveryRequest;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.MappedRecord;
import dev.apisync.workflows.RequestPreview;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** A request script's result replaces the mapped body; URL placeholders still come from records. */
class DeliveryScriptedBodyTest {

  private static final String SCRIPTED = "{\"data\":{\"id\":7},\"source\":\"odoo\"}";

  @StartStop private final MockWebServer server = new MockWebServer();
  @AutoClose private final TargetClients clients = new TargetClients(TestEgress.loopbackAllowed());

  private DeliveryActivitiesImpl delivery() {
    return new DeliveryActivitiesImpl(
        noAuth(),
        clients,
        new RequestLog(TestTargets.apisyncDatabase()),
        new TargetRateLimiter(TestTargets.apisyncDatabase()),
        TestTargets.circuit(TestTargets.apisyncDatabase()),
        LoggedText.DEFAULT_RESPONSE_BYTES);
  }

  @Test
  void theScriptsResultIsTheBody() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    DeliveryRequest request =
        new DeliveryRequest(
                config(server.url("/crm").toString(), HttpMethod.POST),
                List.of(new MappedRecord(7, "{\"id\":7}")),
                false)
            .withScriptedBody(SCRIPTED);

    delivery().deliver(request);

    RecordedRequest sent = server.takeRequest(1, SECONDS);
    assertThat(sent.getBody().utf8()).isEqualTo(SCRIPTED);
    assertThat(sent.getHeaders().get("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void aPagesScriptedBodyReplacesTheArrayAndPlaceholdersStillComeFromTheRecord() {
    DeliveryRequest page =
        new DeliveryRequest(
                config("https://crm.example.com/orders", HttpMethod.PUT),
                List.of(new MappedRecord(1, "{\"id\":1}"), new MappedRecord(2, "{\"id\":2}")),
                true)
            .withScriptedBody("{\"total_revenue\":160.25,\"order_count\":2}");
    DeliveryRequest one =
        new DeliveryRequest(
                config("https://crm.example.com/orders/{id}", HttpMethod.PUT),
                List.of(new MappedRecord(5, "{\"id\":5}")),
                false)
            .withScriptedBody("\"+15551234567\"");

    RequestPreview pagePreview = delivery().preview(page);
    RequestPreview onePreview = delivery().preview(one);

    assertThat(pagePreview.body()).isEqualTo("{\"total_revenue\":160.25,\"order_count\":2}");
    assertThat(onePreview.url()).isEqualTo("https://crm.example.com/orders/5");
    assertThat(onePreview.body()).isEqualTo("\"+15551234567\"");
  }

  @Test
  void aGetTakesItsQueryStringFromTheScriptsObject() {
    DeliveryRequest request =
        new DeliveryRequest(
                config("https://crm.example.com/lookup", HttpMethod.GET),
                List.of(new MappedRecord(7, "{\"id\":7,\"name\":\"Acme\"}")),
                false)
            .withScriptedBody("{\"q\":\"acme\",\"limit\":1}");

    RequestPreview preview = delivery().preview(request);

    assertThat(preview.url()).isEqualTo("https://crm.example.com/lookup?q=acme&limit=1");
    assertThat(preview.body()).isEmpty();
  }
}
