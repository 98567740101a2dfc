package dev.apisync.activities.source;

import dev.apisync.workflows.ConfigSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link SqlCondition} fragments. Fragments carry their own parameters, so combining them in
 * any order keeps every {@code ?} next to its value.
 */
final class Sql {

  static final SqlCondition TRUE = new SqlCondition("TRUE", List.of());
  static final SqlCondition FALSE = new SqlCondition("FALSE", List.of());

  private Sql() {}

  /** Quotes an identifier taken from the catalog; doubling quotes keeps odd names harmless. */
  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /**
   * A string literal for SQL text that cannot carry parameters (a join condition); doubling quotes
   * is safe under {@code standard_conforming_strings}, PostgreSQL's default since 9.1.
   */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  static String column(String alias, String column) {
    return quote(alias) + "." + quote(column);
  }

  static SqlCondition of(String sql, Object... params) {
    return new SqlCondition(sql, List.of(params));
  }

  /** Concatenates plain SQL text ({@link String}) and fragments ({@link SqlCondition}). */
  static SqlCondition concat(Object... parts) {
    StringBuilder sql = new StringBuilder();
    List<Object> params = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof SqlCondition fragment) {
        sql.append(fragment.sql());
        params.addAll(fragment.params());
      } else {
        sql.append((String) part);
      }
    }
    return new SqlCondition(sql.toString(), params);
  }

  static SqlCondition join(String separator, List<SqlCondition> parts) {
    Object[] pieces = new Object[Math.max(0, parts.size() * 2 - 1)];
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        pieces[i * 2 - 1] = separator;
      }
      pieces[i * 2] = parts.get(i);
    }
    return concat(pieces);
  }

  static SqlCondition and(List<SqlCondition> parts) {
    List<SqlCondition> kept = parts.stream().filter(part -> !part.equals(TRUE)).toList();
    if (kept.contains(FALSE)) {
      return FALSE;
    }
    if (kept.isEmpty()) {
      return TRUE;
    }
    return kept.size() == 1 ? kept.get(0) : concat("(", join(" AND ", kept), ")");
  }

  static SqlCondition or(List<SqlCondition> parts) {
    List<SqlCondition> kept = parts.stream().filter(part -> !part.equals(FALSE)).toList();
    if (kept.contains(TRUE)) {
      return TRUE;
    }
    if (kept.isEmpty()) {
      return FALSE;
    }
    return kept.size() == 1 ? kept.get(0) : concat("(", join(" OR ", kept), ")");
  }

  static SqlCondition not(SqlCondition condition) {
    if (condition.equals(TRUE)) {
      return FALSE;
    }
    if (condition.equals(FALSE)) {
      return TRUE;
    }
    return concat("NOT (", condition, ")");
  }

  /** {@code EXISTS (SELECT 1 FROM <from> WHERE <where>)}. */
  static SqlCondition exists(SqlCondition from, SqlCondition where) {
    if (where.equals(FALSE)) {
      return FALSE;
    }
    return concat("EXISTS (SELECT 1 FROM ", from, " WHERE ", where, ")");
  }

  /**
   * The text of a translatable jsonb column ({@code {"en_US": ..., "uk_UA": ...}}) in a language,
   * falling back to en_US as Odoo does. The language is a parameter.
   */
  static SqlCondition translatedText(String column, String language) {
    if (language.equals(ConfigSnapshot.DEFAULT_LANGUAGE)) {
      return of(column + "->>'en_US'");
    }
    return of("COALESCE(%s->>?, %s->>'en_US')".formatted(column, column), language);
  }

  /** Prepares a statement and binds {@code params} to its placeholders in order. */
  static PreparedStatement prepare(Connection connection, String sql, List<Object> params)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < params.size(); i++) {
        statement.setObject(i + 1, params.get(i));
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }

  /** Record ids as one {@code bigint[]} parameter, for {@code id = ANY(?)}. */
  static long[] idArray(List<Long> ids) {
    return ids.stream().mapToLong(Long::longValue).toArray();
  }
}
