package dev.apisync.activities.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds one record's JSON object, where a dotted external key ({@code address.city}) nests. */
final class JsonDocument {

  private final ObjectNode root = JsonValues.NODES.objectNode();

  /**
   * @throws MappingException when the key collides with another line's key ({@code address} set as
   *     a value and {@code address.city} nested under it)
   */
  void put(String externalKey, JsonNode value) {
    String[] parts = externalKey.split("\\.");
    ObjectNode parent = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = parent.get(parts[i]);
      if (child == null) {
        parent = parent.putObject(parts[i]);
      } else if (child instanceof ObjectNode object) {
        parent = object;
      } else {
        throw new MappingException(
            "externalKey '"
                + externalKey
                + "' nests under '"
                + parts[i]
                + "', which holds a value");
      }
    }
    String leaf = parts[parts.length - 1];
    if (parent.has(leaf)) {
      throw new MappingException("externalKey '" + externalKey + "' is set twice");
    }
    parent.set(leaf, value);
  }

  ObjectNode root() {
    return root;
  }
}
