package dev.apisync.api.configs;

import dev.apisync.activities.config.ConfigStore;
import dev.apisync.activities.config.FieldError;
import dev.apisync.activities.config.InvalidConfigException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Sets or resets a config's incremental watermark (SPEC §10): the {@code write_date} after which
 * the next incremental run sends records.
 */
@RestController
@Tag(name = "Sync configs")
public class WatermarkController {

  private static final String RULE =
      "must be null (send everything next time) or a date-time such as 2026-11-29T13:05:00 (the"
          + " source's write_date clock, UTC for Odoo) or with an offset, 2026-11-29T15:05:00+02:00";

  private final ConfigStore store;

  public WatermarkController(ConfigStore store) {
    this.store = store;
  }

  @PostMapping(path = "/api/configs/{id}/watermark", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "setWatermark",
      summary = "Set or reset the incremental watermark",
      description =
          "Body {\"value\": \"2026-11-29T13:05:00\"} sets it; {\"value\": null} resets it, so the"
              + " next incremental run sends every record. A value with an offset is converted to"
              + " UTC, as Odoo stores write_date.")
  @ApiResponse(responseCode = "200", description = "The config, with its new watermark")
  @ApiResponse(responseCode = "400", description = "`value` missing or not a date-time")
  @ApiResponse(responseCode = "404", description = "No such config")
  public ConfigView set(@PathVariable long id, @RequestBody JsonNode body) {
    LocalDateTime watermark = parse(body);
    if (!store.setWatermark(id, watermark)) {
      throw new ConfigNotFoundException(id);
    }
    return store.find(id).map(ConfigView::of).orElseThrow(() -> new ConfigNotFoundException(id));
  }

  /** The body's {@code value}: {@code null} to reset. */
  static LocalDateTime parse(JsonNode body) {
    if (body == null || !body.isObject() || !body.has("value")) {
      throw invalid("required: " + RULE);
    }
    JsonNode value = body.get("value");
    if (value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw invalid(RULE);
    }
    String text = value.asString().trim().replace(' ', 'T');
    try {
      return LocalDateTime.parse(text);
    } catch (DateTimeParseException notLocal) {
      try {
        return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
      } catch (DateTimeParseException notOffset) {
        throw invalid(RULE + "; got '" + value.asString() + "'");
      }
    }
  }

  private static InvalidConfigException invalid(String message) {
    return new InvalidConfigException(List.of(new FieldError("value", message)));
  }
}
