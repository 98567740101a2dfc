package dev.apisync.activities.source;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Reads field values, following dotted many2one paths, for a set of records in one query. */
public class RecordReader {

  public RecordReader(DataSource source, SourceCatalog catalog) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param paths plain field names or dotted many2one paths
   * @param language translatable (jsonb) fields yield this language's text, falling back to en_US
   * @return per record id (ascending), per path, the value: {@code null} for SQL NULL or a broken
   *     link, else String, Long, Integer, Boolean, BigDecimal, Double, LocalDate, LocalDateTime or
   *     OffsetDateTime. Ids that do not exist are absent.
   */
  public Map<Long, Map<String, Object>> read(
      String modelName, List<Long> ids, List<String> paths, String language) {
    throw new UnsupportedOperationException("TODO");
  }
}
