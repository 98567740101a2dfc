package dev.apisync.api.triggers;

import dev.apisync.activities.events.TriggerSettings;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A config's installed record-event triggers. */
@Schema(name = "Triggers")
public record TriggerView(
    long configId, boolean onCreate, boolean onUpdate, boolean onDelete, List<String> watchFields) {

  static TriggerView of(long configId, TriggerSettings settings) {
    return new TriggerView(
        configId,
        settings.onCreate(),
        settings.onUpdate(),
        settings.onDelete(),
        settings.watchFields());
  }
}
