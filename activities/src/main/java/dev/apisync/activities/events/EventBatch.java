package dev.apisync.activities.events;

import java.util.List;

/**
 * Outbox events claimed together for one run.
 *
 * @param id the run's workflow id, derived from the events and stored with them before the run
 *     starts
 * @param recordIds the records the events name, each once, ascending
 */
public record EventBatch(String id, long configId, List<Long> recordIds) {

  public EventBatch {
    recordIds = recordIds.stream().distinct().sorted().toList();
  }
}
