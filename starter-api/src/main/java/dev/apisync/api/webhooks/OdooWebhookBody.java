package dev.apisync.api.webhooks;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What apisync reads of Odoo 17's "Send Webhook Notification" body: the record's model and id
 * ({@code _model}, {@code _id}); the other fields Odoo adds ({@code _action}, chosen fields) are
 * ignored, since a run reads the record as it is now.
 */
record OdooWebhookBody(String model, long recordId) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * @throws WebhookRefusedException (400) naming the field when the body is not such an object
   */
  static OdooWebhookBody parse(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body == null ? "" : body);
    } catch (JacksonException e) {
      throw WebhookRefusedException.malformed("body", "must be a JSON object (not valid JSON)");
    }
    if (root == null || !root.isObject()) {
      throw WebhookRefusedException.malformed(
          "body", "must be a JSON object with _model and _id, as Odoo's webhook sends");
    }
    JsonNode model = root.path("_model");
    if (!model.isString() || model.asString().isBlank()) {
      throw WebhookRefusedException.malformed("_model", "required: the record's model name");
    }
    JsonNode id = root.path("_id");
    if (!id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() <= 0) {
      throw WebhookRefusedException.malformed(
          "_id", "required: the record's id, a positive integer");
    }
    return new OdooWebhookBody(model.asString(), id.asLong());
  }
}
