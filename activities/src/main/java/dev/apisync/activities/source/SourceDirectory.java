package dev.apisync.activities.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The source's models and field labels as a person picks them (the console's pickers): Odoo's
 * {@code ir_model} and {@code ir_model_fields} names when the source has them, else the tables that
 * have an {@code id} column and labels made from the field names, as Odoo makes its defaults. Reads
 * the database each time: pickers are opened by hand, and a new model should show at once.
 */
public class SourceDirectory {

  /** A model a config can sync. */
  public record Model(String name, String label) {}

  private static final String IR_MODELS =
      """
      SELECT m.model, m.name::text AS label
      FROM ir_model m
      JOIN pg_class c ON c.relname = replace(m.model, '.', '_')
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
      ORDER BY m.model
      """;

  private static final String TABLES_WITH_ID =
      """
      SELECT c.relname
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'id' AND NOT a.attisdropped
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
      ORDER BY c.relname
      """;

  private static final String FIELD_LABELS =
      "SELECT name, field_description::text AS label FROM ir_model_fields WHERE model = ?";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataSource source;

  public SourceDirectory(DataSource source) {
    this.source = source;
  }

  /** Every model, by name. */
  public List<Model> models() {
    try (Connection connection = source.getConnection()) {
      List<Model> models = new ArrayList<>();
      if (exists(connection, "ir_model")) {
        try (PreparedStatement statement = connection.prepareStatement(IR_MODELS);
            ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            models.add(new Model(rows.getString(1), text(rows.getString(2))));
          }
        }
      }
      if (models.isEmpty()) {
        try (PreparedStatement statement = connection.prepareStatement(TABLES_WITH_ID);
            ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            String model = ModelNames.model(rows.getString(1));
            models.add(new Model(model, model));
          }
        }
      }
      return models;
    } catch (SQLException e) {
      throw SqlErrors.translate("listing the source's models", e);
    }
  }

  /**
   * Each field's label in {@code language} (falling back to {@code en_US}), from {@code
   * ir_model_fields}; a field it does not describe gets Odoo's default label: {@code parent_id} →
   * {@code Parent}.
   */
  public Map<String, String> labels(ModelInfo model, String language) {
    Map<String, String> labels = new HashMap<>();
    try (Connection connection = source.getConnection()) {
      if (exists(connection, "ir_model_fields")) {
        try (PreparedStatement statement = connection.prepareStatement(FIELD_LABELS)) {
          statement.setString(1, model.name());
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              labels.put(rows.getString(1), text(rows.getString(2), language));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw SqlErrors.translate("reading the field labels of " + model.name(), e);
    }
    for (String field : model.fields().keySet()) {
      labels.computeIfAbsent(field, SourceDirectory::defaultLabel);
    }
    return labels;
  }

  /** Odoo's rule for a field without a string: drop {@code _id}/{@code _ids}, words capitalized. */
  static String defaultLabel(String fieldName) {
    String words = fieldName.replaceFirst("_ids?$", "").replace('_', ' ').strip();
    if (words.isEmpty()) {
      return fieldName;
    }
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  private static boolean exists(Connection connection, String table) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      statement.setString(1, table);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getBoolean(1);
      }
    }
  }

  private static String text(String value) {
    return text(value, "en_US");
  }

  /** A translatable (jsonb) name in the language asked, else en_US, else as stored. */
  private static String text(String value, String language) {
    if (value == null) {
      return "";
    }
    if (!value.startsWith("{")) {
      return value.startsWith("\"") ? unquote(value) : value;
    }
    try {
      JsonNode translations = JSON.readTree(value);
      JsonNode chosen = translations.path(language);
      if (chosen.isMissingNode()) {
        chosen = translations.path("en_US");
      }
      return chosen.isMissingNode() ? value : chosen.asText();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return value;
    }
  }

  private static String unquote(String json) {
    try {
      return JSON.readTree(json).asText();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return json;
    }
  }
}
