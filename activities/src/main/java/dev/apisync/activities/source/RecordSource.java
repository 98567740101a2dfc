package dev.apisync.activities.source;

import dev.apisync.activities.events.EventOutbox;
import dev.apisync.workflows.PageQuery;
import dev.apisync.workflows.RecordFailure;
import dev.apisync.workflows.RecordPage;
import dev.apisync.workflows.WriteDates;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Keyset paging over the records a domain selects: {@code id > ? ORDER BY id LIMIT n}, never
 * OFFSET.
 */
public class RecordSource {

  static final String DOES_NOT_EXIST = "record does not exist";
  static final String DOES_NOT_MATCH = "record does not match the config's filterDomain";
  private static final String ALIAS = "r";
  private static final String WRITE_DATE = "write_date";

  private final DataSource source;
  private final DomainCompiler compiler;

  public RecordSource(DataSource source, DomainCompiler compiler) {
    this.source = source;
    this.compiler = compiler;
  }

  /**
   * The next page. A domain run reads {@code size + 1} rows to know without another query whether a
   * further page exists. An explicit-id run examines the next {@code size} requested ids above the
   * cursor and reports those that are missing or filtered out as skipped.
   *
   * @throws SourceException when the model, domain or a value in it is refused
   * @throws SourceUnavailableException when the database fails to answer
   */
  public RecordPage fetchPage(PageQuery query) {
    if (query.size() < 1) {
      throw new IllegalArgumentException("page size must be at least 1, was " + query.size());
    }
    ModelInfo model = compiler.catalog().requireModel(query.model());
    if (model.field("id").isEmpty()) {
      throw new SourceException(
          "table %s has no id column; records are paged by Odoo's integer id"
              .formatted(model.table()));
    }
    // Python expressions in the domain see the run's recorded start: every page alike.
    Instant now =
        query.evaluatedAtMillis() > 0
            ? Instant.ofEpochMilli(query.evaluatedAtMillis())
            : Instant.now();
    SqlCondition domain =
        compiler.compile(
            query.model(), query.filterDomain(), ALIAS, query.language(), now, query.companyId());
    if (query.companyRecordsOnly()) {
      domain =
          Sql.and(List.of(domain, compiler.companyRule(query.model(), ALIAS, query.companyId())));
    }
    SqlCondition selected =
        query.incremental() ? Sql.and(List.of(domain, writtenAfter(model, query))) : domain;
    String rows = EventOutbox.rowsOf(Sql.quote(model.table()), query.eventBatch());
    try (Connection connection = source.getConnection()) {
      return query.recordIds().isEmpty()
          ? domainPage(connection, rows, selected, query)
          : requestedIdsPage(connection, rows, selected, query);
    } catch (SQLException e) {
      throw SqlErrors.translate("reading " + query.model() + " records", e);
    }
  }

  /**
   * {@code write_date > watermark}, or every record on the first incremental run. A record without
   * a write date is always sent: it cannot be placed against the watermark, and sending it again is
   * safer than never sending it.
   */
  private static SqlCondition writtenAfter(ModelInfo model, PageQuery query) {
    if (model.field(WRITE_DATE).filter(field -> !field.column().isEmpty()).isEmpty()) {
      throw new SourceException(
          "table %s has no write_date column; incremental sync sends records by their write date"
              .formatted(model.table()));
    }
    if (query.writtenAfter().isEmpty()) {
      return Sql.TRUE;
    }
    return Sql.of(
        "(%1$s > ? OR %1$s IS NULL)".formatted(Sql.column(ALIAS, WRITE_DATE)),
        WriteDates.parse(query.writtenAfter()));
  }

  private RecordPage domainPage(
      Connection connection, String rows, SqlCondition domain, PageQuery query)
      throws SQLException {
    String sql =
        "SELECT %1$s, %5$s FROM %2$s AS %3$s WHERE (%4$s) AND %1$s > ? ORDER BY %1$s LIMIT ?"
            .formatted(idColumn(), rows, Sql.quote(ALIAS), domain.sql(), writeDateColumn(query));
    List<Object> params = new ArrayList<>(domain.params());
    params.add(query.afterId());
    params.add(query.size() + 1);
    List<Long> ids = new ArrayList<>();
    List<LocalDateTime> writeDates = new ArrayList<>();
    try (PreparedStatement statement = Sql.prepare(connection, sql, params);
        ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        ids.add(result.getLong(1));
        writeDates.add(result.getObject(2, LocalDateTime.class));
      }
    }
    boolean last = ids.size() <= query.size();
    List<Long> page = last ? ids : ids.subList(0, query.size());
    long nextAfterId = page.isEmpty() ? query.afterId() : page.get(page.size() - 1);
    return new RecordPage(
        page, List.of(), nextAfterId, last, highest(writeDates.subList(0, page.size())));
  }

  /** The page's write dates when the run is incremental, else a NULL placeholder column. */
  private static String writeDateColumn(PageQuery query) {
    return query.incremental() ? Sql.column(ALIAS, WRITE_DATE) + "::timestamp" : "NULL::timestamp";
  }

  private static String highest(List<LocalDateTime> writeDates) {
    return writeDates.stream()
        .filter(Objects::nonNull)
        .max(Comparator.naturalOrder())
        .map(WriteDates::format)
        .orElse("");
  }

  private RecordPage requestedIdsPage(
      Connection connection, String rows, SqlCondition domain, PageQuery query)
      throws SQLException {
    List<Long> candidates =
        query.recordIds().stream().filter(id -> id > query.afterId()).distinct().sorted().toList();
    List<Long> examined = candidates.subList(0, Math.min(query.size(), candidates.size()));
    if (examined.isEmpty()) {
      return new RecordPage(List.of(), List.of(), query.afterId(), true, "");
    }
    // COALESCE: a condition that is NULL for a row (a comparison with a NULL column) does not
    // select it, exactly as in WHERE.
    String sql =
        "SELECT %1$s, COALESCE((%4$s), FALSE), %5$s FROM %2$s AS %3$s WHERE %1$s = ANY(?)"
            .formatted(idColumn(), rows, Sql.quote(ALIAS), domain.sql(), writeDateColumn(query));
    List<Object> params = new ArrayList<>(domain.params());
    params.add(Sql.idArray(examined));
    Map<Long, Boolean> matches = new HashMap<>();
    List<LocalDateTime> writeDates = new ArrayList<>();
    try (PreparedStatement statement = Sql.prepare(connection, sql, params);
        ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        matches.put(result.getLong(1), result.getBoolean(2));
        if (result.getBoolean(2)) {
          writeDates.add(result.getObject(3, LocalDateTime.class));
        }
      }
    }
    List<Long> ids = new ArrayList<>();
    List<RecordFailure> skipped = new ArrayList<>();
    for (long id : examined) {
      Boolean match = matches.get(id);
      if (match == null) {
        skipped.add(new RecordFailure(id, DOES_NOT_EXIST, 0));
      } else if (!match) {
        skipped.add(new RecordFailure(id, DOES_NOT_MATCH, 0));
      } else {
        ids.add(id);
      }
    }
    boolean last = examined.size() == candidates.size();
    return new RecordPage(
        ids, skipped, examined.get(examined.size() - 1), last, highest(writeDates));
  }

  private static String idColumn() {
    return Sql.column(ALIAS, "id");
  }
}
