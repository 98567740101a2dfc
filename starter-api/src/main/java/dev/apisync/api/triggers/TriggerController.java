package dev.apisync.api.triggers;

import dev.apisync.activities.config.ConfigStore;
import dev.apisync.activities.config.InvalidConfigException;
import dev.apisync.activities.config.StoredConfig;
import dev.apisync.api.configs.ConfigNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Record-event triggers of a config (SPEC §8, §10): install, read, remove. */
@RestController
@RequestMapping("/api/configs/{id}/triggers")
@Tag(
    name = "Record events",
    description =
        "A PostgreSQL trigger on the config's source table records creates, updates (of watched"
            + " fields) and deletes in an outbox in the same transaction; the worker's dispatcher"
            + " batches them into runs with trigger EVENT.")
public class TriggerController {

  private final ConfigStore configs;
  private final RecordEventTriggers triggers;

  public TriggerController(ConfigStore configs, RecordEventTriggers triggers) {
    this.configs = configs;
    this.triggers = triggers;
  }

  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(operationId = "putTriggers", summary = "Install or replace the config's triggers")
  @ApiResponse(responseCode = "200", description = "Installed")
  @ApiResponse(
      responseCode = "400",
      description = "No operation chosen, or a watched field the table does not have")
  @ApiResponse(responseCode = "404", description = "No such config")
  @ApiResponse(
      responseCode = "409",
      description = "The source role may not create the trigger; PostgreSQL's reason is given")
  public TriggerView put(@PathVariable long id, @RequestBody TriggerRequest body) {
    StoredConfig config = configs.find(id).orElseThrow(() -> new ConfigNotFoundException(id));
    if (!body.shapeErrors().isEmpty()) {
      throw new InvalidConfigException(body.shapeErrors());
    }
    triggers.install(id, config.config(), body.toSettings());
    return TriggerView.of(id, body.toSettings());
  }

  @GetMapping
  @Operation(operationId = "getTriggers", summary = "Read the config's triggers")
  @ApiResponse(responseCode = "200", description = "The installed triggers")
  @ApiResponse(responseCode = "404", description = "No such config, or it has no triggers")
  public TriggerView get(@PathVariable long id) {
    if (!configs.exists(id)) {
      throw new ConfigNotFoundException(id);
    }
    return triggers
        .find(id)
        .map(settings -> TriggerView.of(id, settings))
        .orElseThrow(() -> new NoTriggersException(id));
  }

  @DeleteMapping
  @Operation(
      operationId = "deleteTriggers",
      summary = "Remove the config's triggers and every object they installed")
  @ApiResponse(responseCode = "204", description = "Removed (or there were none)")
  @ApiResponse(responseCode = "404", description = "No such config")
  public ResponseEntity<Void> delete(@PathVariable long id) {
    if (!configs.exists(id)) {
      throw new ConfigNotFoundException(id);
    }
    triggers.remove(id);
    return ResponseEntity.noContent().build();
  }
}
