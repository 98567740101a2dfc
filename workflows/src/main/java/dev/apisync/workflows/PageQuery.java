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
    boolean companyRecordsOnly) {

  public PageQuery {
    recordIds = List.copyOf(recordIds);
    language = language == null ? "" : language;
  }

  /** A query in en_US for the main company, all companies' records. */
  public PageQuery(
      String model,
      String filterDomain,
      List<Long> recordIds,
      long afterId,
      int size,
      long evaluatedAtMillis) {
    this(model, filterDomain, recordIds, afterId, size, evaluatedAtMillis, "", 0, false);
  }
}
