package dev.apisync.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OdooWebhookBodyTest {

  @Test
  void readsModelAndIdAndIgnoresTheRest() {
    OdooWebhookBody body =
        OdooWebhookBody.parse(
            "{\"_action\": \"Send Webhook Notification(#3)\", \"_id\": 42,"
                + " \"_model\": \"res.partner\", \"name\": \"Azure Interior\"}");

    assertThat(body).isEqualTo(new OdooWebhookBody("res.partner", 42));
  }

  @Test
  void namesTheMissingOrWrongField() {
    assertThat(refusedField("{\"_id\": 42}")).isEqualTo("_model");
    assertThat(refusedField("{\"_model\": \"res.partner\"}")).isEqualTo("_id");
    assertThat(refusedField("{\"_model\": \"res.partner\", \"_id\": \"42\"}")).isEqualTo("_id");
    assertThat(refusedField("{\"_model\": \"res.partner\", \"_id\": 0}")).isEqualTo("_id");
    assertThat(refusedField("{\"_model\": \"res.partner\", \"_id\": 4.5}")).isEqualTo("_id");
    assertThat(refusedField("[1, 2]")).isEqualTo("body");
    assertThat(refusedField("not json")).isEqualTo("body");
    assertThat(refusedField("")).isEqualTo("body");
  }

  @SuppressWarnings("unchecked")
  private static String refusedField(String json) {
    WebhookRefusedException e =
        catchThrowableOfType(WebhookRefusedException.class, () -> OdooWebhookBody.parse(json));
    assertThat(e).as(json).isNotNull();
    assertThat(e.getStatusCode().value()).isEqualTo(400);
    return ((List<Map<String, String>>) e.getBody().getProperties().get("errors"))
        .getFirst()
        .get("field");
  }
}
