package dev.apisync.activities.events;

import java.util.List;

/**
 * Which changes of a config's source records start runs (SPEC §8, record events).
 *
 * @param watchFields an update is captured only when one of these fields changed; empty for any
 *     change
 */
public record TriggerSettings(
    boolean onCreate, boolean onUpdate, boolean onDelete, List<String> watchFields) {

  public TriggerSettings {
    watchFields = List.copyOf(watchFields);
  }
}
