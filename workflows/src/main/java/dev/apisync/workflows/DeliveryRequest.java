package dev.apisync.workflows;

import java.util.List;

/**
 * One HTTP request to send: a single record's object, or a page's records as an array.
 *
 * @param asArray true for a paginated config (body is a JSON array of all records)
 * @param scriptedBody the request script's result, which replaces the mapped body; empty when the
 *     config has no request script
 */
public record DeliveryRequest(
    ConfigSnapshot config, List<MappedRecord> records, boolean asArray, String scriptedBody) {

  public DeliveryRequest {
    records = List.copyOf(records);
  }

  public DeliveryRequest(ConfigSnapshot config, List<MappedRecord> records, boolean asArray) {
    this(config, records, asArray, "");
  }

  public DeliveryRequest withScriptedBody(String body) {
    return new DeliveryRequest(config, records, asArray, body);
  }

  public List<Long> recordIds() {
    return records.stream().map(MappedRecord::recordId).toList();
  }
}
