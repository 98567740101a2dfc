package dev.apisync.activities.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apisync.workflows.MappedRecord;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the JSON of mapped records where a request needs their values (URL placeholders, GET query
 * strings) and splices their text into bodies without re-serialising it.
 */
final class MappedJson {

  /** Numbers stay exact: {@code 12.50} must reach a query string as {@code 12.50}, not 12.5. */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private MappedJson() {}

  /** The records' objects as one body: a JSON array in order, or the single object. */
  static String body(List<MappedRecord> records, boolean asArray) {
    if (asArray) {
      return records.stream().map(MappedRecord::json).collect(Collectors.joining(",", "[", "]"));
    }
    return records.getFirst().json();
  }

  static ObjectNode parseObject(MappedRecord record) throws UnsendableRequestException {
    try {
      if (MAPPER.readTree(record.json()) instanceof ObjectNode object) {
        return object;
      }
    } catch (JsonProcessingException e) {
      // Reported below with the record id; the parser's message may quote record data at length.
    }
    throw new UnsendableRequestException(
        "mapped record " + record.recordId() + " is not a JSON object");
  }

  /**
   * The value at a key, walking nested objects for a dotted key ({@code address.city}) the way
   * dotted external keys build them. A top-level key that itself holds dots wins.
   */
  static Optional<JsonNode> find(ObjectNode record, String key) {
    if (record.has(key)) {
      return Optional.of(record.get(key));
    }
    JsonNode node = record;
    for (String part : key.split("\\.", -1)) {
      node = node.path(part);
    }
    return node.isMissingNode() ? Optional.empty() : Optional.of(node);
  }

  /** A scalar as text (exact numbers, {@code true}/{@code false}); containers as compact JSON. */
  static String text(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isBigDecimal()) {
      return value.decimalValue().toPlainString();
    }
    if (value.isContainerNode()) {
      return value.toString();
    }
    return value.asText();
  }
}
