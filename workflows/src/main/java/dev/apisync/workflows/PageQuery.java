package dev.apisync.workflows;

import java.util.List;

/**
 * Which records the next page holds: ids greater than {@code afterId} that the config's domain
 * selects, in id order, at most {@code size} of them. When {@code recordIds} is not empty only
 * those ids are candidates.
 *
 * @param evaluatedAtMillis the run's recorded start time, the "now" of any time expression
 * @param language the language translatable fields in the domain compare in
 * @param companyId the company whose company-dependent values the domain tests, 0 for the main one
 * @param companyRecordsOnly only records of that company (or of none) are selected
 * @param incremental only records whose {@code write_date} is after {@code writtenAfter} (or NULL:
 *     a record without a write date is always sent); the page reports its highest write date
 * @param writtenAfter a {@link WriteDates} timestamp; empty for no lower bound
 * @param eventBatch the record-event batch whose deleted rows stand in for the table (the rows as
 *     they were when deleted); empty for a plain run
 */
public record PageQuery(
    String model,
    String filterDomain,
    List<Long> recordIds,
    long afterId,
    int size,
    long evaluatedAtMillis,
    String language,
    long companyId,
    boolean companyRecordsOnly,
    boolean incremental,
    String writtenAfter,
    String eventBatch) {

  public PageQuery {
    recordIds = List.copyOf(recordIds);
    language = language == null ? "" : language;
    writtenAfter = writtenAfter == null ? "" : writtenAfter;
    eventBatch = eventBatch == null ? "" : eventBatch;
  }

  /** The same query from another cursor, for another number of records. */
  public PageQuery from(long afterId, int size) {
    return new PageQuery(
        model,
        filterDomain,
        recordIds,
        afterId,
        size,
        evaluatedAtMillis,
        language,
        companyId,
        companyRecordsOnly,
        incremental,
        writtenAfter,
        eventBatch);
  }

  /** A query in en_US for the main company, all companies' records, not incremental. */
  public PageQuery(
      String model,
      String filterDomain,
      List<Long> recordIds,
      long afterId,
      int size,
      long evaluatedAtMillis) {
    this(
        model,
        filterDomain,
        recordIds,
        afterId,
        size,
        evaluatedAtMillis,
        "",
        0,
        false,
        false,
        "",
        "");
  }
}
