package dev.apisync.activities.source;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** Converts one result column into the Java type {@link RecordReader} promises for it. */
final class ColumnValues {

  private ColumnValues() {}

  /**
   * Numerics come back as BigDecimal straight from the wire text, never through double, so {@code
   * 0.3} stays {@code 0.3}. Types without a better match (uuid, time, arrays, jsonb that is not
   * translatable) come back as their text.
   */
  static Object read(ResultSet rows, int index, FieldInfo field) throws SQLException {
    if (field.kind() == FieldKind.MANY2ONE || field.name().equals("id")) {
      long id = rows.getLong(index);
      return rows.wasNull() ? null : id;
    }
    Object value =
        switch (rows.getMetaData().getColumnTypeName(index)) {
          case "int2", "int4" -> rows.getInt(index);
          case "int8" -> rows.getLong(index);
          case "numeric" -> rows.getBigDecimal(index);
          case "float4", "float8" -> rows.getDouble(index);
          case "bool" -> rows.getBoolean(index);
          case "date" -> rows.getObject(index, LocalDate.class);
          case "timestamp" -> rows.getObject(index, LocalDateTime.class);
          case "timestamptz" -> rows.getObject(index, OffsetDateTime.class);
          default -> rows.getString(index);
        };
    return rows.wasNull() ? null : value;
  }
}
