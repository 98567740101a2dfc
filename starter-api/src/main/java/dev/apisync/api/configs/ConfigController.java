package dev.apisync.api.configs;

import dev.apisync.activities.config.ConfigDraft;
import dev.apisync.activities.config.ConfigStore;
import dev.apisync.activities.config.ConfigValidator;
import dev.apisync.activities.config.FieldError;
import dev.apisync.activities.config.InvalidConfigException;
import dev.apisync.activities.config.SyncConfig;
import dev.apisync.api.schedules.ConfigSchedules;
import dev.apisync.api.triggers.RecordEventTriggers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Sync configs (SPEC §2, §10): create, read, replace, delete. Every write is validated first and
 * refused as a whole, with one error per broken rule, so a refused config stores nothing.
 */
@RestController
@RequestMapping("/api/configs")
@Tag(
    name = "Sync configs",
    description =
        "What to read from the source database, how to map it and where to send it. Secrets"
            + " (auth password, token, key value) are write-only: responses only say whether they"
            + " are set, and a replace that omits one keeps the stored secret.")
public class ConfigController {

  private final ConfigStore store;
  private final ConfigValidator validator;
  private final ConfigSchedules schedules;
  private final RecordEventTriggers triggers;

  public ConfigController(
      ConfigStore store,
      ConfigValidator validator,
      ConfigSchedules schedules,
      RecordEventTriggers triggers) {
    this.store = store;
    this.validator = validator;
    this.schedules = schedules;
    this.triggers = triggers;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(operationId = "createConfig", summary = "Create a sync config")
  @ApiResponse(responseCode = "201", description = "Created; Location names the new config")
  @ApiResponse(
      responseCode = "400",
      description = "Invalid config: `errors` lists every broken rule as {field, message}")
  public ResponseEntity<ConfigView> create(@RequestBody ConfigRequest body) {
    long id = store.create(valid(body, 0));
    URI location =
        ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id).toUri();
    return ResponseEntity.created(location).body(read(id));
  }

  @GetMapping
  @Operation(operationId = "listConfigs", summary = "List sync configs, by id")
  public List<ConfigView> list() {
    return store.list().stream().map(ConfigView::of).toList();
  }

  @GetMapping("/{id}")
  @Operation(operationId = "getConfig", summary = "Read a sync config (secrets are never returned)")
  @ApiResponse(responseCode = "200", description = "The config")
  @ApiResponse(responseCode = "404", description = "No such config")
  public ConfigView get(@PathVariable long id) {
    return read(id);
  }

  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Replace a sync config",
      description =
          "The body replaces the whole config; omitted fields take their defaults, except"
              + " secrets: omit an auth secret (with an unchanged auth type and apiKey header) or a"
              + " secret header's value to keep the stored one. A replace that moves requestUrl to"
              + " another origin (scheme, host, port) must carry every secret again.")
  @ApiResponse(responseCode = "200", description = "The replaced config")
  @ApiResponse(
      responseCode = "400",
      description = "Invalid config: `errors` lists every broken rule as {field, message}")
  @ApiResponse(responseCode = "404", description = "No such config")
  public ConfigView replace(@PathVariable long id, @RequestBody ConfigRequest body) {
    if (!store.exists(id)) {
      throw new ConfigNotFoundException(id);
    }
    if (!store.replace(id, valid(body, id))) {
      throw new ConfigNotFoundException(id);
    }
    // Disabling pauses the schedule; scheduled runs carry the new name and model.
    schedules.configChanged(id);
    return read(id);
  }

  @DeleteMapping("/{id}")
  @Operation(
      operationId = "deleteConfig",
      summary = "Delete a sync config with its lines, headers, schedule and webhook")
  @ApiResponse(responseCode = "204", description = "Deleted")
  @ApiResponse(responseCode = "404", description = "No such config")
  @ApiResponse(
      responseCode = "409",
      description = "Another config's relational line uses this one as its mappingConfig")
  public ResponseEntity<Void> delete(@PathVariable long id) {
    // The trigger goes first: a config deleted with its trigger left behind would keep queueing
    // events nobody sends. A config in use as a mapping keeps its triggers (and is not deleted).
    if (store.exists(id) && store.usersOf(id).isEmpty()) {
      triggers.remove(id);
    }
    if (!store.delete(id)) {
      throw new ConfigNotFoundException(id);
    }
    // After the delete: a config still in use keeps its schedule. Its webhook goes with the row.
    schedules.configDeleted(id);
    return ResponseEntity.noContent().build();
  }

  private ConfigView read(long id) {
    return store.find(id).map(ConfigView::of).orElseThrow(() -> new ConfigNotFoundException(id));
  }

  /** The body's config, parsed once it passed the validator. */
  private SyncConfig valid(ConfigRequest body, long id) {
    ConfigDraft draft = body.toDraft();
    List<FieldError> errors = new ArrayList<>(body.shapeErrors());
    errors.addAll(validator.validate(draft, id));
    if (!errors.isEmpty()) {
      throw new InvalidConfigException(errors);
    }
    return draft.parse();
  }
}
