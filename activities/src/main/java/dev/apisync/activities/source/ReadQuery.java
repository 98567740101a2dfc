package dev.apisync.activities.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SELECT list and FROM clause that read many paths at once: one LEFT JOIN per distinct many2one
 * prefix, so {@code parent_id.name} and {@code parent_id.email} share a join, and a missing link
 * reads as NULL instead of dropping the record.
 *
 * @param select the record id first, then one expression per path, in order
 */
record ReadQuery(SqlCondition select, String from) {

  /**
   * @param rows what the root alias reads: the model's quoted table, or a relation in its place
   */
  static ReadQuery build(
      SourceCatalog catalog, String rows, String root, List<FieldPath> paths, String language) {
    StringBuilder from = new StringBuilder(rows + " AS " + Sql.quote(root));
    Map<String, String> aliasByPrefix = new HashMap<>();
    List<SqlCondition> columns = new ArrayList<>();
    columns.add(Sql.of(Sql.column(root, "id")));
    for (FieldPath path : paths) {
      String alias = root;
      String prefix = "";
      List<FieldInfo> steps = path.steps();
      for (FieldInfo link : steps.subList(0, steps.size() - 1)) {
        prefix = prefix.isEmpty() ? link.name() : prefix + "." + link.name();
        String parentAlias = alias;
        alias =
            aliasByPrefix.computeIfAbsent(
                prefix,
                unused -> {
                  String joined = "j" + (aliasByPrefix.size() + 1);
                  from.append(
                      " LEFT JOIN %s AS %s ON %s = %s"
                          .formatted(
                              Sql.quote(catalog.requireModel(link.relatedModel()).table()),
                              Sql.quote(joined),
                              Sql.column(joined, "id"),
                              Sql.column(parentAlias, link.column())));
                  return joined;
                });
      }
      columns.add(valueOf(alias, path.last(), language));
    }
    return new ReadQuery(Sql.join(", ", columns), from.toString());
  }

  private static SqlCondition valueOf(String alias, FieldInfo field, String language) {
    String column = Sql.column(alias, field.column());
    return field.translatable() ? Sql.translatedText(column, language) : Sql.of(column);
  }
}
