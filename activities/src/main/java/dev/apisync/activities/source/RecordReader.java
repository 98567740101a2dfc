package dev.apisync.activities.source;

import dev.apisync.activities.events.EventOutbox;
import dev.apisync.workflows.ConfigSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Reads field values, following dotted many2one paths, for a set of records in one query. */
public class RecordReader {

  private static final String ROOT = "r";

  /** How a label column reads: as text. */
  private static final FieldInfo LABEL =
      new FieldInfo("label", "", FieldKind.SCALAR, "text", "", "", "", "", "", false);

  private final DataSource source;
  private final SourceCatalog catalog;
  private final String eventModel;
  private final String eventBatch;

  public RecordReader(DataSource source, SourceCatalog catalog) {
    this(source, catalog, "", "");
  }

  private RecordReader(
      DataSource source, SourceCatalog catalog, String eventModel, String eventBatch) {
    this.source = source;
    this.catalog = catalog;
    this.eventModel = eventModel;
    this.eventBatch = eventBatch;
  }

  /**
   * A reader whose records of {@code model} include those the record-event batch deleted, with
   * their last values (see {@link EventOutbox#rowsOf}); other models read as always.
   */
  public RecordReader includingDeletedIn(String model, String batch) {
    return new RecordReader(source, catalog, model, batch);
  }

  /** Like {@link #read(String, List, List, String, long)} for the source's main company. */
  public Map<Long, Map<String, Object>> read(
      String modelName, List<Long> ids, List<String> paths, String language) {
    return read(modelName, ids, paths, language, 0);
  }

  /**
   * @param paths plain field names or dotted many2one paths; related fields read as their paths
   * @param language translatable (jsonb) fields yield this language's text, falling back to en_US
   * @param companyId the company whose company-dependent values are read, 0 for the main company
   * @return per record id (ascending), per path, the value: {@code null} for SQL NULL or a broken
   *     link, else String, Long, Integer, Boolean, BigDecimal, Double, LocalDate, LocalDateTime or
   *     OffsetDateTime. Ids that do not exist are absent. Record ids ({@code id} and many2one
   *     values) are Long.
   */
  public Map<Long, Map<String, Object>> read(
      String modelName, List<Long> ids, List<String> paths, String language, long companyId) {
    return read(modelName, ids, paths, language, companyId, ReadQuery.Yield.VALUE);
  }

  /**
   * The labels of selection fields (SPEC §3 {@code selection_label}) in a language: per record id,
   * per path, the label of the record's value, the key when it has no label, null when unset.
   *
   * @throws SourceException when a path does not end in a selection field
   */
  public Map<Long, Map<String, Object>> readLabels(
      String modelName, List<Long> ids, List<String> paths, String language, long companyId) {
    for (String path : paths) {
      requireSelection(modelName, path);
    }
    return read(modelName, ids, paths, language, companyId, ReadQuery.Yield.LABEL);
  }

  /** Refuses a path that does not end in a selection field Odoo describes. */
  private void requireSelection(String modelName, String path) {
    FieldPath resolved = catalog.resolvePath(modelName, path);
    if (!resolved.last().hasSelectionLabels()) {
      throw new SourceException(
          "'%s' on %s is not a selection field described in ir_model_fields, so it has no labels"
              .formatted(path, modelName));
    }
  }

  private Map<Long, Map<String, Object>> read(
      String modelName,
      List<Long> ids,
      List<String> paths,
      String language,
      long companyId,
      ReadQuery.Yield yield) {
    ModelInfo model = catalog.requireModel(modelName);
    List<FieldPath> fieldPaths =
        new LinkedHashSet<>(paths).stream().map(path -> resolve(modelName, path)).toList();
    if (ids.isEmpty()) {
      return Map.of();
    }
    String lang =
        language == null || language.isBlank() ? ConfigSnapshot.DEFAULT_LANGUAGE : language;
    ReadQuery query =
        ReadQuery.build(
            catalog,
            EventOutbox.rowsOf(
                Sql.quote(model.table()), modelName.equals(eventModel) ? eventBatch : ""),
            ROOT,
            fieldPaths,
            new FieldSql(catalog, lang, companyId),
            yield);
    List<Object> params = new ArrayList<>(query.select().params());
    params.add(Sql.idArray(ids));
    String sql =
        "SELECT %s FROM %s WHERE %s = ANY(?) ORDER BY %s"
            .formatted(
                query.select().sql(), query.from(), Sql.column(ROOT, "id"), Sql.column(ROOT, "id"));
    Map<Long, Map<String, Object>> records = new LinkedHashMap<>();
    try (Connection connection = source.getConnection();
        PreparedStatement statement = Sql.prepare(connection, sql, params);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < fieldPaths.size(); i++) {
          FieldPath path = fieldPaths.get(i);
          FieldInfo last = yield == ReadQuery.Yield.LABEL ? LABEL : path.last();
          values.put(path.dotted(), ColumnValues.read(rows, i + 2, last));
        }
        records.put(rows.getLong(1), Collections.unmodifiableMap(values));
      }
    } catch (SQLException e) {
      throw SqlErrors.translate("reading " + modelName + " records", e);
    }
    return Collections.unmodifiableMap(records);
  }

  private FieldPath resolve(String modelName, String path) {
    FieldPath resolved = catalog.resolvePath(modelName, path);
    FieldInfo last = resolved.last();
    if (last.kind() == FieldKind.ONE2MANY || last.kind() == FieldKind.MANY2MANY) {
      throw new SourceException(
          "'%s' on %s is a %s field; read plain values or many2one ids only (path '%s')"
              .formatted(
                  last.name(),
                  modelOfLastStep(modelName, resolved),
                  last.kind().name().toLowerCase(),
                  path));
    }
    return resolved;
  }

  private static String modelOfLastStep(String modelName, FieldPath path) {
    List<FieldInfo> steps = path.steps();
    return steps.size() == 1 ? modelName : steps.get(steps.size() - 2).relatedModel();
  }
}
