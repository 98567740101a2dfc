package dev.apisync.activities.mapping;

import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.FieldLine;
import dev.apisync.workflows.ValueType;
import java.util.List;

/**
 * Computes the values of one kind of mapping line ({@link ValueType}) for a whole page of records
 * at once, so each kind can batch its source reads (one query per page, never one per record).
 */
public interface LineResolver {

  ValueType handles();

  /**
   * @param lines the config's lines of {@link #handles()}'s type, in config order
   * @param recordIds the page's records, ascending; all exist in the source
   */
  LineValues resolve(ConfigSnapshot config, List<FieldLine> lines, List<Long> recordIds);
}
