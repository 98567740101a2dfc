package dev.apisync.activities.script;

import dev.apisync.activities.source.DomainCompiler;
import dev.apisync.activities.source.FieldInfo;
import dev.apisync.activities.source.FieldSource;
import dev.apisync.activities.source.ModelInfo;
import dev.apisync.activities.source.RecordReader;
import dev.apisync.activities.source.RecordSearch;
import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.activities.source.SourceException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The source database as scripts read it through {@code env} and recordsets: read-only, every model
 * and field checked against the catalog. Domains passed by scripts are literal (the script
 * evaluated them), so its compiler never calls back into Python.
 */
public final class ScriptSource {

  private final SourceCatalog catalog;
  private final RecordReader reader;
  private final RecordSearch search;

  public ScriptSource(DataSource source, SourceCatalog catalog) {
    this.catalog = catalog;
    this.reader = new RecordReader(source, catalog);
    this.search = new RecordSearch(source, new DomainCompiler(catalog));
  }

  Optional<ModelInfo> model(String name) {
    return catalog.model(name);
  }

  ModelInfo requireModel(String name) {
    return catalog.requireModel(name);
  }

  Map<Long, Map<String, Object>> read(
      String model, List<Long> ids, List<String> fields, String language) {
    return reader.read(model, ids, fields, language);
  }

  List<Long> search(String model, String domain, String order, int limit, int offset) {
    return search.search(model, domain, order, limit, offset);
  }

  long count(String model, String domain, int limit) {
    return search.count(model, domain, limit);
  }

  Map<Long, List<Long>> related(String model, String field, List<Long> ids) {
    return search.related(model, field, ids);
  }

  Set<Long> existing(String model, List<Long> ids) {
    return search.existing(model, ids);
  }

  /**
   * The field whose value a field reads: itself, or the end of a related field's path (a variant's
   * {@code list_price} is its template's), or itself again when the path cannot be followed.
   */
  FieldInfo valueField(ModelInfo model, FieldInfo field) {
    if (!(field.source() instanceof FieldSource.Related)) {
      return field;
    }
    try {
      return catalog.expand(model, field).getLast();
    } catch (SourceException e) {
      return field;
    }
  }

  /** How a field's values reach Python: the type code the runtime converts them by. */
  static String typeCode(FieldInfo field) {
    String sql = field.sqlType();
    if (field.translatable()) {
      return "char";
    }
    if (sql.equals("date")) {
      return "date";
    }
    if (sql.startsWith("timestamp")) {
      return "datetime";
    }
    if (sql.equals("numeric") || sql.startsWith("double") || sql.equals("real")) {
      return "float";
    }
    if (sql.equals("integer") || sql.equals("bigint") || sql.equals("smallint")) {
      return "int";
    }
    if (sql.equals("boolean")) {
      return "bool";
    }
    return "char";
  }
}
