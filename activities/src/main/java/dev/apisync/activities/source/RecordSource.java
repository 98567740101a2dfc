package dev.apisync.activities.source;

import dev.apisync.workflows.PageQuery;
import dev.apisync.workflows.RecordFailure;
import dev.apisync.workflows.RecordPage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Keyset paging over the records a domain selects: {@code id > ? ORDER BY id LIMIT n}, never
 * OFFSET.
 */
public class RecordSource {

  static final String DOES_NOT_EXIST = "record does not exist";
  static final String DOES_NOT_MATCH = "record does not match the config's filterDomain";
  private static final String ALIAS = "r";

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
    try (Connection connection = source.getConnection()) {
      return query.recordIds().isEmpty()
          ? domainPage(connection, model, domain, query)
          : requestedIdsPage(connection, model, domain, query);
    } catch (SQLException e) {
      throw SqlErrors.translate("reading " + query.model() + " records", e);
    }
  }

  private RecordPage domainPage(
      Connection connection, ModelInfo model, SqlCondition domain, PageQuery query)
      throws SQLException {
    String sql =
        "SELECT %1$s FROM %2$s AS %3$s WHERE (%4$s) AND %1$s > ? ORDER BY %1$s LIMIT ?"
            .formatted(idColumn(), Sql.quote(model.table()), Sql.quote(ALIAS), domain.sql());
    List<Object> params = new ArrayList<>(domain.params());
    params.add(query.afterId());
    params.add(query.size() + 1);
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement statement = Sql.prepare(connection, sql, params);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    boolean last = ids.size() <= query.size();
    List<Long> page = last ? ids : ids.subList(0, query.size());
    long nextAfterId = page.isEmpty() ? query.afterId() : page.get(page.size() - 1);
    return new RecordPage(page, List.of(), nextAfterId, last);
  }

  private RecordPage requestedIdsPage(
      Connection connection, ModelInfo model, SqlCondition domain, PageQuery query)
      throws SQLException {
    List<Long> candidates =
        query.recordIds().stream().filter(id -> id > query.afterId()).distinct().sorted().toList();
    List<Long> examined = candidates.subList(0, Math.min(query.size(), candidates.size()));
    if (examined.isEmpty()) {
      return new RecordPage(List.of(), List.of(), query.afterId(), true);
    }
    // COALESCE: a condition that is NULL for a row (a comparison with a NULL column) does not
    // select it, exactly as in WHERE.
    String sql =
        "SELECT %1$s, COALESCE((%4$s), FALSE) FROM %2$s AS %3$s WHERE %1$s = ANY(?)"
            .formatted(idColumn(), Sql.quote(model.table()), Sql.quote(ALIAS), domain.sql());
    List<Object> params = new ArrayList<>(domain.params());
    params.add(Sql.idArray(examined));
    Map<Long, Boolean> matches = new HashMap<>();
    try (PreparedStatement statement = Sql.prepare(connection, sql, params);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        matches.put(rows.getLong(1), rows.getBoolean(2));
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
    return new RecordPage(ids, skipped, examined.get(examined.size() - 1), last);
  }

  private static String idColumn() {
    return Sql.column(ALIAS, "id");
  }
}
