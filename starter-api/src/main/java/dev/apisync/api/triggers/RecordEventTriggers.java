package dev.apisync.api.triggers;

import dev.apisync.activities.config.SyncConfig;
import dev.apisync.activities.events.EventTriggerStore;
import dev.apisync.activities.events.EventTriggers;
import dev.apisync.activities.events.TriggerSettings;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * A config's record-event triggers: the objects in the source database ({@link EventTriggers}) and
 * what apisync remembers of them ({@link EventTriggerStore}), changed together.
 */
@Service
public class RecordEventTriggers {

  private final EventTriggers triggers;
  private final EventTriggerStore store;

  public RecordEventTriggers(EventTriggers triggers, EventTriggerStore store) {
    this.triggers = triggers;
    this.store = store;
  }

  public void install(long configId, SyncConfig config, TriggerSettings settings) {
    String table = triggers.install(configId, config.model(), settings);
    store.save(configId, table, settings);
  }

  public Optional<TriggerSettings> find(long configId) {
    return store.find(configId);
  }

  /** Removes the config's triggers, if it has any. */
  public void remove(long configId) {
    if (store.find(configId).isPresent()) {
      triggers.remove(configId);
      store.delete(configId);
    }
  }
}
