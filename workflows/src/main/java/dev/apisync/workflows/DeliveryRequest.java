package dev.apisync.workflows;

import java.util.List;

/**
 * One HTTP request to send: a single record's object, or a page's records as an array.
 *
 * @param asArray true for a paginated config (body is a JSON array of all records)
 */
public record DeliveryRequest(ConfigSnapshot config, List<MappedRecord> records, boolean asArray) {

  public DeliveryRequest {
    records = List.copyOf(records);
  }

  public List<Long> recordIds() {
    return records.stream().map(MappedRecord::recordId).toList();
  }
}
