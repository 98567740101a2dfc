package dev.apisync.activities.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Turns the Java values a source read yields into JSON, exactly: no float drift, ISO dates. */
final class JsonValues {

  /** Keeps BigDecimal scale and digits as read ("10.50" stays 10.50). */
  static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private JsonValues() {}

  static JsonNode toJson(Object value) {
    return switch (value) {
      case null -> NODES.nullNode();
      case String text -> NODES.textNode(text);
      case Boolean flag -> NODES.booleanNode(flag);
      case Integer number -> NODES.numberNode(number);
      case Long number -> NODES.numberNode(number);
      case Short number -> NODES.numberNode(number);
      case BigInteger number -> NODES.numberNode(number);
      case BigDecimal number -> NODES.numberNode(number);
      case Double number -> NODES.numberNode(BigDecimal.valueOf(number));
      case Float number -> NODES.numberNode(new BigDecimal(number.toString()));
      case LocalDate date -> NODES.textNode(date.toString());
      // Odoo stores datetimes as UTC without a zone; say so, so receivers need not guess.
      case LocalDateTime time ->
          NODES.textNode(DateTimeFormatter.ISO_INSTANT.format(time.toInstant(ZoneOffset.UTC)));
      case OffsetDateTime time ->
          NODES.textNode(DateTimeFormatter.ISO_INSTANT.format(time.toInstant()));
      default -> NODES.textNode(value.toString());
    };
  }
}
