package dev.apisync.activities.source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads one model's fields from the database: from Odoo's {@code ir_model_fields} when it describes
 * the model, else from the table's columns and foreign keys.
 *
 * <p>Long because it reads two sources of truth (ir_model_fields, or the table's columns and
 * foreign keys) and reconciles them field by field in one pass.
 */
final class CatalogLoader {

  private static final String COLUMNS =
      """
      SELECT a.attname, format_type(a.atttypid, NULL) AS sql_type
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relname = ?
        AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attnum
      """;

  /** Single-column foreign keys onto a table's {@code id}: Odoo's shape of a many2one. */
  private static final String MANY2ONE_KEYS =
      """
      SELECT a.attname, rc.relname AS referenced_table
      FROM pg_constraint k
      JOIN pg_class c ON c.oid = k.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_class rc ON rc.oid = k.confrelid
      JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
      JOIN pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = k.confkey[1]
      WHERE k.contype = 'f' AND cardinality(k.conkey) = 1 AND ra.attname = 'id'
        AND n.nspname = current_schema() AND c.relname = ?
      """;

  /**
   * {@code translate} is a boolean in Odoo 16/17; reading it as text also copes with versions that
   * store a translation method's name there. {@code related} and {@code company_dependent} are read
   * when the table has them (Odoo 17 does); {@code %s} stands for their expressions.
   */
  private static final String IR_MODEL_FIELDS =
      """
      SELECT %s AS field_id, name, ttype, relation, relation_table, column1, column2,
             relation_field, COALESCE(translate::text, '') AS translate, store,
             %s AS related, %s AS company_dependent
      FROM ir_model_fields
      WHERE model = ?
      ORDER BY name
      """;

  private static final String IR_MODEL_FIELDS_COLUMNS =
      """
      SELECT column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'ir_model_fields'
      """;

  private final DataSource source;

  CatalogLoader(DataSource source) {
    this.source = source;
  }

  Optional<ModelInfo> load(String modelName) {
    String table = ModelNames.table(modelName);
    try (Connection connection = source.getConnection()) {
      Map<String, String> columnTypes = columnTypes(connection, table);
      if (columnTypes.isEmpty()) {
        return Optional.empty();
      }
      Map<String, FieldInfo> fields =
          hasIrModelFields(connection)
              ? fromIrModelFields(connection, modelName, columnTypes)
              : Map.of();
      if (fields.isEmpty()) {
        fields = fromForeignKeys(connection, table, columnTypes);
      }
      return Optional.of(new ModelInfo(modelName, table, fields));
    } catch (SQLException e) {
      throw SqlErrors.translate("reading the fields of " + modelName, e);
    }
  }

  /** The one number a query answers, empty when it answers NULL or no row. */
  OptionalLong selectLong(String sql) {
    try (Connection connection = source.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      if (!rows.next()) {
        return OptionalLong.empty();
      }
      long value = rows.getLong(1);
      return rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    } catch (SQLException e) {
      throw SqlErrors.translate("reading " + sql, e);
    }
  }

  private static Map<String, String> columnTypes(Connection connection, String table)
      throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
      statement.setString(1, table);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          types.put(rows.getString("attname"), rows.getString("sql_type"));
        }
      }
    }
    return types;
  }

  private static boolean hasIrModelFields(Connection connection) throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement("SELECT to_regclass('ir_model_fields') IS NOT NULL");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getBoolean(1);
    }
  }

  /**
   * Every field Odoo declares, stored or not (see {@link FieldSource}). A declared column the table
   * lacks (a field of an uninstalled module, a binary kept as attachment) is left out rather than
   * failing later.
   */
  private static Map<String, FieldInfo> fromIrModelFields(
      Connection connection, String modelName, Map<String, String> columnTypes)
      throws SQLException {
    Set<String> metadata = irModelFieldsColumns(connection);
    String sql =
        IR_MODEL_FIELDS.formatted(
            metadata.contains("id") ? "id" : "0",
            metadata.contains("related") ? "related" : "NULL",
            metadata.contains("company_dependent") ? "company_dependent" : "false");
    Map<String, FieldInfo> fields = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, modelName);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          irField(rows, modelName, columnTypes).ifPresent(field -> fields.put(field.name(), field));
        }
      }
    }
    if (!fields.isEmpty() && columnTypes.containsKey("id")) {
      fields.putIfAbsent("id", scalar("id", columnTypes.get("id"), false));
    }
    return fields;
  }

  private static Set<String> irModelFieldsColumns(Connection connection) throws SQLException {
    Set<String> columns = new HashSet<>();
    try (PreparedStatement statement = connection.prepareStatement(IR_MODEL_FIELDS_COLUMNS);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        columns.add(rows.getString(1));
      }
    }
    return columns;
  }

  private static Optional<FieldInfo> irField(
      ResultSet row, String modelName, Map<String, String> columnTypes) throws SQLException {
    String name = row.getString("name");
    String ttype = row.getString("ttype");
    String related = text(row, "related");
    boolean hasColumn = row.getBoolean("store") && columnTypes.containsKey(name);
    if (!related.isEmpty() && !hasColumn) {
      return Optional.of(derived(row, kindOf(ttype), "", new FieldSource.Related(related)));
    }
    if (row.getBoolean("company_dependent")) {
      Optional<String> sqlType = PropertyValues.sqlType(ttype);
      FieldSource source =
          sqlType.isPresent()
              ? new FieldSource.CompanyDependent(modelName)
              : new FieldSource.Computed();
      return Optional.of(derived(row, kindOf(ttype), sqlType.orElse(""), source));
    }
    if (!row.getBoolean("store")) {
      FieldSource source =
          name.equals("display_name")
              ? displayRule(modelName, columnTypes)
                  .<FieldSource>map(rule -> new FieldSource.DisplayName(modelName, rule))
                  .orElseGet(FieldSource.Computed::new)
              : new FieldSource.Computed();
      String sqlType = name.equals("display_name") ? "text" : "";
      return Optional.of(derived(row, kindOf(ttype), sqlType, source));
    }
    FieldInfo stored =
        switch (ttype) {
          case "one2many" ->
              new FieldInfo(
                  name,
                  "",
                  FieldKind.ONE2MANY,
                  "",
                  text(row, "relation"),
                  "",
                  "",
                  "",
                  text(row, "relation_field"),
                  false);
          case "many2many" ->
              new FieldInfo(
                  name,
                  "",
                  FieldKind.MANY2MANY,
                  "",
                  text(row, "relation"),
                  text(row, "relation_table"),
                  text(row, "column1"),
                  text(row, "column2"),
                  "",
                  false);
          default -> {
            String sqlType = columnTypes.get(name);
            if (sqlType == null) {
              yield null;
            }
            if (ttype.equals("many2one")) {
              yield many2one(name, sqlType, text(row, "relation"));
            }
            boolean translatable = isTrue(text(row, "translate")) && sqlType.equals("jsonb");
            yield scalar(name, sqlType, translatable);
          }
        };
    return stored == null ? Optional.empty() : Optional.of(withMetadata(stored, row));
  }

  /**
   * Odoo 17's {@code display_name} rules that stored fields can reproduce: res.partner's and
   * product.product's own, else the {@code complete_name} or {@code name} column (the {@code
   * _rec_name}).
   */
  private static Optional<FieldSource.DisplayRule> displayRule(
      String modelName, Map<String, String> columnTypes) {
    if (modelName.equals("res.partner") && columnTypes.containsKey("name")) {
      return Optional.of(FieldSource.DisplayRule.PARTNER);
    }
    if (modelName.equals("product.product") && columnTypes.containsKey("product_tmpl_id")) {
      return Optional.of(FieldSource.DisplayRule.PRODUCT_VARIANT);
    }
    return columnTypes.containsKey("name") || columnTypes.containsKey("complete_name")
        ? Optional.of(FieldSource.DisplayRule.NAME)
        : Optional.empty();
  }

  private static FieldKind kindOf(String ttype) {
    return switch (ttype) {
      case "many2one" -> FieldKind.MANY2ONE;
      case "one2many" -> FieldKind.ONE2MANY;
      case "many2many" -> FieldKind.MANY2MANY;
      default -> FieldKind.SCALAR;
    };
  }

  /** A field without a column of its own: its value is derived as {@code source} says. */
  private static FieldInfo derived(
      ResultSet row, FieldKind kind, String sqlType, FieldSource source) throws SQLException {
    return new FieldInfo(
        row.getString("name"),
        "",
        kind,
        sqlType,
        text(row, "relation"),
        text(row, "relation_table"),
        text(row, "column1"),
        text(row, "column2"),
        text(row, "relation_field"),
        false,
        row.getString("ttype"),
        row.getLong("field_id"),
        source);
  }

  private static FieldInfo withMetadata(FieldInfo field, ResultSet row) throws SQLException {
    return new FieldInfo(
        field.name(),
        field.column(),
        field.kind(),
        field.sqlType(),
        field.relatedModel(),
        field.relationTable(),
        field.relationColumn1(),
        field.relationColumn2(),
        field.inverseField(),
        field.translatable(),
        row.getString("ttype"),
        row.getLong("field_id"),
        field.source());
  }

  /**
   * Without Odoo's metadata: every column is a field, a foreign key onto another table's {@code id}
   * is a many2one, and a jsonb column is translatable when its values look like Odoo's {@code
   * {"en_US": ...}} objects (see {@link #looksTranslatable}).
   */
  private static Map<String, FieldInfo> fromForeignKeys(
      Connection connection, String table, Map<String, String> columnTypes) throws SQLException {
    Map<String, String> referencedTables = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(MANY2ONE_KEYS)) {
      statement.setString(1, table);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          referencedTables.put(rows.getString("attname"), rows.getString("referenced_table"));
        }
      }
    }
    Map<String, FieldInfo> fields = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : columnTypes.entrySet()) {
      String column = entry.getKey();
      String sqlType = entry.getValue();
      String referenced = referencedTables.get(column);
      fields.put(
          column,
          referenced == null
              ? scalar(
                  column,
                  sqlType,
                  sqlType.equals("jsonb") && looksTranslatable(connection, table, column))
              : many2one(column, sqlType, ModelNames.model(referenced)));
    }
    return fields;
  }

  /**
   * Whether a jsonb column holds translations: every sampled non-NULL value is an object with an
   * {@code en_US} key. A column with no values yet counts as translatable, Odoo's usual case.
   */
  private static boolean looksTranslatable(Connection connection, String table, String column)
      throws SQLException {
    String sql =
        ("SELECT bool_and(jsonb_typeof(v) = 'object' AND v -> 'en_US' IS NOT NULL)"
                + " FROM (SELECT %1$s AS v FROM %2$s WHERE %1$s IS NOT NULL LIMIT 50) AS sample")
            .formatted(Sql.quote(column), Sql.quote(table));
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      boolean allTranslations = rows.getBoolean(1);
      return rows.wasNull() || allTranslations;
    }
  }

  private static FieldInfo scalar(String name, String sqlType, boolean translatable) {
    return new FieldInfo(name, name, FieldKind.SCALAR, sqlType, "", "", "", "", "", translatable);
  }

  private static FieldInfo many2one(String name, String sqlType, String relatedModel) {
    return new FieldInfo(
        name, name, FieldKind.MANY2ONE, sqlType, relatedModel, "", "", "", "", false);
  }

  private static String text(ResultSet row, String column) throws SQLException {
    String value = row.getString(column);
    return value == null ? "" : value;
  }

  private static boolean isTrue(String flag) {
    return !(flag.isEmpty() || flag.equals("false") || flag.equals("f") || flag.equals("0"));
  }
}
