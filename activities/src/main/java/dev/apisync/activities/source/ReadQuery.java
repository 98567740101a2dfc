package dev.apisync.activities.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SELECT list and FROM clause that read many paths at once: one LEFT JOIN per distinct many2one
 * prefix, so {@code parent_id.name} and {@code parent_id.email} share a join, and a missing link
 * reads as NULL instead of dropping the record. Paths arrive expanded ({@link
 * SourceCatalog#resolvePath}): a related field's steps are joins like any other.
 *
 * @param select the record id first, then one expression per path, in order
 */
record ReadQuery(SqlCondition select, String from) {

  /** What each path's last field yields. */
  enum Yield {
    /** The value, translatable text in the language. */
    VALUE,
    /** A selection field's label in the language. */
    LABEL
  }

  /**
   * @param rows what the root alias reads: the model's quoted table, or a relation in its place
   */
  static ReadQuery build(
      SourceCatalog catalog,
      String rows,
      String root,
      List<FieldPath> paths,
      FieldSql values,
      Yield yield) {
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
                              values.link(parentAlias, link)));
                  return joined;
                });
      }
      columns.add(
          yield == Yield.LABEL
              ? values.label(alias, path.last())
              : values.text(alias, path.last()));
    }
    return new ReadQuery(Sql.join(", ", columns), from.toString());
  }
}
