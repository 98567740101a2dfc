package dev.apisync.activities.source;

import static dev.apisync.activities.source.DomainOperator.EQUALS;
import static dev.apisync.activities.source.DomainOperator.EQUALS_IF_SET;
import static dev.apisync.activities.source.DomainOperator.GREATER;
import static dev.apisync.activities.source.DomainOperator.IN;
import static dev.apisync.activities.source.DomainOperator.LESS_OR_EQUAL;
import static dev.apisync.activities.source.DomainOperator.NOT_EQUALS;
import static dev.apisync.activities.source.DomainOperator.NOT_IN;

import dev.apisync.activities.source.DomainNode.Term;
import dev.apisync.activities.source.PyValue.PyBool;
import dev.apisync.activities.source.PyValue.PySeq;
import dev.apisync.activities.source.PyValue.PyStr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One column compared with a value, with Odoo's NULL rules (those of {@code __leaf_to_sql} in Odoo
 * 16's {@code expression.py}): {@code = False} is {@code IS NULL}, negative operators keep NULL
 * rows, {@code in} with False also selects NULL, and so on.
 */
final class ColumnComparison {

  private static final Set<String> TEXT_TYPES = Set.of("text", "character varying", "character");

  private final FieldSql values;

  ColumnComparison(FieldSql values) {
    this.values = values;
  }

  SqlCondition compare(String alias, FieldInfo field, Term term) {
    return compare(alias, field, term.operator(), term.value(), term);
  }

  SqlCondition compare(
      String alias, FieldInfo field, DomainOperator operator, PyValue value, Term term) {
    Column column = new Column(alias, field);
    if (operator == EQUALS_IF_SET) {
      if (value.isFalseOrNone()) {
        return Sql.TRUE;
      }
      operator = EQUALS;
    }
    if (value instanceof PySeq && (operator == EQUALS || operator == NOT_EQUALS)) {
      operator = operator == EQUALS ? IN : NOT_IN;
    }
    if (operator == IN || operator == NOT_IN) {
      return in(column, operator, value, term);
    }
    if (column.isBoolean()
        && ((operator == EQUALS && isFalse(value)) || (operator == NOT_EQUALS && isTrue(value)))) {
      return Sql.concat("(", column.name, " IS NULL OR ", column.name, " = false)");
    }
    if (operator == EQUALS && value.isFalseOrNone()) {
      return Sql.concat(column.name, " IS NULL");
    }
    if (column.isBoolean() && operator == NOT_EQUALS && isFalse(value)) {
      return Sql.concat(column.name, " IS TRUE");
    }
    if (operator == NOT_EQUALS && value.isFalseOrNone()) {
      return Sql.concat(column.name, " IS NOT NULL");
    }
    if (value instanceof PySeq) {
      throw new SourceException(
          "operator '%s' cannot take a list in term %s; use 'in'".formatted(operator, term.text()));
    }
    if (operator.isLike()) {
      return like(column, operator, value);
    }
    if (value.isFalseOrNone()) {
      // Odoo sends NULL here, and "column > NULL" holds for no row.
      return Sql.FALSE;
    }
    SqlCondition condition =
        Sql.concat(
            "(",
            column.value(),
            " " + operator.sql() + " ",
            column.parameter(dateOnlyBound(field, operator, value)),
            ")");
    return operator == NOT_EQUALS && value.truthy() ? orNull(condition, column) : condition;
  }

  private SqlCondition in(Column column, DomainOperator operator, PyValue value, Term term) {
    if (value instanceof PyBool bool) {
      // Odoo's backward-compatible reading of ('f', 'in', True).
      boolean set = (operator == IN) == bool.value();
      return Sql.concat(column.name, set ? " IS NOT NULL" : " IS NULL");
    }
    List<PyValue> items = value instanceof PySeq seq ? seq.items() : List.of(value);
    if (items.stream().anyMatch(PySeq.class::isInstance)) {
      throw new SourceException(
          "operator '%s' takes a flat list of values in term %s".formatted(operator, term.text()));
    }
    List<PyValue> kept = new ArrayList<>();
    boolean includesNull;
    if (column.isBoolean()) {
      for (boolean candidate : new boolean[] {true, false}) {
        items.stream()
            .filter(item -> item instanceof PyBool bool && bool.value() == candidate)
            .findFirst()
            .ifPresent(kept::add);
      }
      includesNull = items.stream().anyMatch(ColumnComparison::isFalse);
    } else {
      items.stream().filter(item -> !item.isFalseOrNone()).forEach(kept::add);
      includesNull = kept.size() < items.size();
    }
    SqlCondition condition;
    if (kept.isEmpty()) {
      condition = operator == IN ? Sql.FALSE : Sql.TRUE;
    } else {
      List<SqlCondition> parameters = kept.stream().map(column::parameter).toList();
      condition =
          Sql.concat(
              "(", column.value(), " " + operator.sql() + " (", Sql.join(", ", parameters), "))");
    }
    if ((operator == IN && includesNull) || (operator == NOT_IN && !includesNull)) {
      return orNull(condition, column);
    }
    if (operator == NOT_IN) {
      return Sql.and(List.of(condition, Sql.concat(column.name, " IS NOT NULL")));
    }
    return condition;
  }

  private SqlCondition like(Column column, DomainOperator operator, PyValue value) {
    String pattern =
        operator.wrapsInWildcards() ? "%" + value.pythonStr() + "%" : value.pythonStr();
    SqlCondition text =
        column.isText() ? column.value() : Sql.concat("CAST(", column.value(), " AS text)");
    SqlCondition condition =
        Sql.concat("(", text, " " + operator.sql() + " ", Sql.of("?", pattern), ")");
    boolean keepsNull =
        (operator.wrapsInWildcards() && !value.truthy())
            || (value.truthy() && operator.isNegative());
    return keepsNull ? orNull(condition, column) : condition;
  }

  /**
   * Odoo reads a date written alone against a datetime column as the day's first second, or its
   * last one for {@code >} and {@code <=}, so {@code ('create_date','<=','2024-01-31')} keeps the
   * whole 31st.
   */
  private static PyValue dateOnlyBound(FieldInfo field, DomainOperator operator, PyValue value) {
    if (field.sqlType().startsWith("timestamp")
        && value instanceof PyStr date
        && date.value().length() == 10) {
      String time = operator == GREATER || operator == LESS_OR_EQUAL ? " 23:59:59" : " 00:00:00";
      return new PyStr(date.value() + time, date.start(), date.end());
    }
    return value;
  }

  private static SqlCondition orNull(SqlCondition condition, Column column) {
    return Sql.or(List.of(condition, Sql.concat(column.name, " IS NULL")));
  }

  private static boolean isFalse(PyValue value) {
    return value instanceof PyBool bool && !bool.value();
  }

  private static boolean isTrue(PyValue value) {
    return value instanceof PyBool bool && bool.value();
  }

  /** A column in a query, and how its value is compared. */
  private final class Column {
    /** The raw value: NULL tests look at it. */
    final SqlCondition name;

    final FieldInfo field;
    private final String alias;

    Column(String alias, FieldInfo field) {
      this.name = values.raw(alias, field);
      this.field = field;
      this.alias = alias;
    }

    boolean isBoolean() {
      return field.sqlType().equals("boolean");
    }

    boolean isText() {
      return field.translatable() || TEXT_TYPES.contains(field.sqlType());
    }

    /**
     * A translatable jsonb column compares on the text of the language asked for, falling back to
     * en_US as Odoo does.
     */
    SqlCondition value() {
      return values.text(alias, field);
    }

    /** A value as a parameter cast to the column's type, so '2024-01-01' compares as a date. */
    SqlCondition parameter(PyValue value) {
      String type = field.translatable() ? "text" : field.sqlType();
      return Sql.of("CAST(? AS " + type + ")", value.jdbcValue());
    }
  }
}
