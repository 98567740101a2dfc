package dev.apisync.workflows;

import java.util.List;

/**
 * Which records the next page holds: ids greater than {@code afterId} that the config's domain
 * selects, in id order, at most {@code size} of them. When {@code recordIds} is not empty only
 * those ids are candidates.
 *
 * @param evaluatedAtMillis the run's recorded start time, the "now" of any time expression
 */
public record PageQuery(
    String model,
    String filterDomain,
    List<Long> recordIds,
    long afterId,
    int size,
    long evaluatedAtMillis) {

  public PageQuery {
    recordIds = List.copyOf(recordIds);
  }
}
