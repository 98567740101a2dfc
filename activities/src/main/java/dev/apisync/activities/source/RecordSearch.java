package dev.apisync.activities.source;

import dev.apisync.workflows.ConfigSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Odoo's read-only model methods for scripts ({@code search}, {@code search_count}, x2many reads):
 * literal domains compiled by {@link DomainCompiler}, orders checked against the catalog.
 */
public class RecordSearch {

  private static final String ALIAS = "r";
  private static final Pattern ORDER_TERM =
      Pattern.compile(
          "\\s*([A-Za-z_][A-Za-z0-9_]*)(?:\\s+(asc|desc))?(?:\\s+nulls\\s+(first|last))?\\s*",
          Pattern.CASE_INSENSITIVE);

  private final DataSource source;
  private final DomainCompiler compiler;

  public RecordSearch(DataSource source, DomainCompiler compiler) {
    this.source = source;
    this.compiler = compiler;
  }

  public SourceCatalog catalog() {
    return compiler.catalog();
  }

  /**
   * @param order Odoo's order spec, e.g. {@code name desc, id}; empty for id order
   * @param limit at most this many ids, or all when negative
   * @throws SourceException for an unknown model or field, a malformed domain or order
   */
  public List<Long> search(String model, String domain, String order, int limit, int offset) {
    ModelInfo info = compiler.catalog().requireModel(model);
    SqlCondition where = compiler.compile(model, domain, ALIAS);
    String sql =
        "SELECT %s FROM %s AS %s WHERE %s ORDER BY %s%s OFFSET ?"
            .formatted(
                Sql.column(ALIAS, "id"),
                Sql.quote(info.table()),
                Sql.quote(ALIAS),
                where.sql(),
                orderBy(info, order),
                limit >= 0 ? " LIMIT " + limit : "");
    List<Object> params = new ArrayList<>(where.params());
    params.add(Math.max(0, offset));
    return ids(sql, params, "searching " + model);
  }

  /** How many records the domain selects, at most {@code limit} when it is not negative. */
  public long count(String model, String domain, int limit) {
    ModelInfo info = compiler.catalog().requireModel(model);
    SqlCondition where = compiler.compile(model, domain, ALIAS);
    String inner =
        "SELECT 1 FROM %s AS %s WHERE %s%s"
            .formatted(
                Sql.quote(info.table()),
                Sql.quote(ALIAS),
                where.sql(),
                limit >= 0 ? " LIMIT " + limit : "");
    try (Connection connection = source.getConnection();
        PreparedStatement statement =
            Sql.prepare(connection, "SELECT count(*) FROM (" + inner + ") AS c", where.params());
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw SqlErrors.translate("counting " + model + " records", e);
    }
  }

  /** The ids among {@code ids} that exist, archived or not. */
  public Set<Long> existing(String model, List<Long> ids) {
    ModelInfo info = compiler.catalog().requireModel(model);
    String sql = "SELECT id FROM %s WHERE id = ANY(?)".formatted(Sql.quote(info.table()));
    return new LinkedHashSet<>(ids(sql, List.of(Sql.idArray(ids)), "reading " + model));
  }

  /**
   * The records a one2many or many2many field links each record to, ascending, archived ones left
   * out as Odoo does. Every requested id has an entry.
   */
  public Map<Long, List<Long>> related(String model, String fieldName, List<Long> ids) {
    ModelInfo info = compiler.catalog().requireModel(model);
    FieldInfo field =
        info.field(fieldName)
            .orElseThrow(() -> SourceCatalog.unknownField(fieldName, info, fieldName));
    ModelInfo comodel = compiler.catalog().requireModel(field.relatedModel());
    String active = comodel.hasActiveFlag() ? " AND c.active IS NOT FALSE" : "";
    String sql;
    if (field.kind() == FieldKind.ONE2MANY) {
      FieldInfo inverse = RelatedRecords.inverse(model, field, comodel);
      sql =
          "SELECT c.%1$s, c.id FROM %2$s AS c WHERE c.%1$s = ANY(?)%3$s ORDER BY c.id"
              .formatted(Sql.quote(inverse.column()), Sql.quote(comodel.table()), active);
    } else if (field.kind() == FieldKind.MANY2MANY) {
      RelatedRecords.requireLinkTable(model, field);
      sql =
          ("SELECT l.%1$s, c.id FROM %3$s AS l JOIN %4$s AS c ON c.id = l.%2$s"
                  + " WHERE l.%1$s = ANY(?)%5$s ORDER BY c.id")
              .formatted(
                  Sql.quote(field.relationColumn1()),
                  Sql.quote(field.relationColumn2()),
                  Sql.quote(field.relationTable()),
                  Sql.quote(comodel.table()),
                  active);
    } else {
      throw new SourceException(
          "'%s' on %s is not a one2many or many2many field".formatted(fieldName, model));
    }
    Map<Long, List<Long>> linked = new LinkedHashMap<>();
    ids.forEach(id -> linked.put(id, new ArrayList<>()));
    try (Connection connection = source.getConnection();
        PreparedStatement statement = Sql.prepare(connection, sql, List.of(Sql.idArray(ids)));
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        List<Long> targets = linked.get(rows.getLong(1));
        if (targets != null) {
          targets.add(rows.getLong(2));
        }
      }
    } catch (SQLException e) {
      throw SqlErrors.translate("reading " + model + "." + fieldName, e);
    }
    return linked;
  }

  private List<Long> ids(String sql, List<Object> params, String doing) {
    List<Long> ids = new ArrayList<>();
    try (Connection connection = source.getConnection();
        PreparedStatement statement = Sql.prepare(connection, sql, params);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(doing, e);
    }
    return ids;
  }

  /** {@code name desc, id} → SQL on catalog columns; id breaks ties so pages are stable. */
  private static String orderBy(ModelInfo model, String order) {
    List<String> terms = new ArrayList<>();
    boolean hasId = false;
    if (order != null && !order.isBlank()) {
      for (String part : order.split(",")) {
        Matcher term = ORDER_TERM.matcher(part);
        if (!term.matches()) {
          throw new SourceException(
              "invalid order '%s': write field names with optional asc/desc, e.g. 'name desc, id'"
                  .formatted(order));
        }
        String name = term.group(1);
        FieldInfo field =
            model.field(name).orElseThrow(() -> SourceCatalog.unknownField(name, model, name));
        if (field.column().isEmpty()) {
          throw new SourceException(
              "cannot order %s by '%s': it has no column".formatted(model.name(), name));
        }
        String column =
            field.translatable()
                ? Sql.column(ALIAS, field.column()) + "->>'" + ConfigSnapshot.DEFAULT_LANGUAGE + "'"
                : Sql.column(ALIAS, field.column());
        String direction =
            term.group(2) == null ? "" : " " + term.group(2).toUpperCase(Locale.ROOT);
        String nulls =
            term.group(3) == null ? "" : " NULLS " + term.group(3).toUpperCase(Locale.ROOT);
        terms.add(column + direction + nulls);
        hasId |= name.equals("id");
      }
    }
    if (!hasId) {
      terms.add(Sql.column(ALIAS, "id"));
    }
    return String.join(", ", terms);
  }
}
