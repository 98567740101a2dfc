package dev.apisync.activities.source;

import dev.apisync.workflows.PageQuery;
import dev.apisync.workflows.RecordPage;
import javax.sql.DataSource;

/**
 * Keyset paging over the records a domain selects: {@code id > ? ORDER BY id LIMIT n}, never
 * OFFSET.
 */
public class RecordSource {

  public RecordSource(DataSource source, DomainCompiler compiler) {
    throw new UnsupportedOperationException("TODO");
  }

  public RecordPage fetchPage(PageQuery query) {
    throw new UnsupportedOperationException("TODO");
  }
}
