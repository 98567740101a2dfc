package dev.apisync.activities.source;

import java.util.function.Supplier;

/**
 * The SELECT behind {@code child_of} and {@code parent_of}: the ids below (or above) some starting
 * records, the starting records included. With Odoo's {@code parent_path} ("1/5/12/") it is a
 * prefix match or a split; without it, a recursive walk over {@code parent_id}.
 */
final class HierarchyQuery {

  private HierarchyQuery() {}

  /**
   * @param parent the many2one that links a record to its parent
   * @param start the alias {@code starting} is written against
   * @param aliases fresh, unique aliases
   */
  static SqlCondition select(
      ModelInfo model,
      FieldInfo parent,
      String start,
      SqlCondition starting,
      boolean childOf,
      Supplier<String> aliases) {
    String table = Sql.quote(model.table());
    String parentPath = parentPathColumn(model, parent);
    String node = aliases.get();
    if (!parentPath.isEmpty() && childOf) {
      // A descendant's parent_path starts with its ancestor's.
      return Sql.concat(
          "SELECT %s FROM %s AS %s WHERE EXISTS (SELECT 1 FROM %s AS %s WHERE "
              .formatted(Sql.column(node, "id"), table, Sql.quote(node), table, Sql.quote(start)),
          starting,
          " AND %s LIKE %s || '%%')"
              .formatted(Sql.column(node, parentPath), Sql.column(start, parentPath)));
    }
    if (!parentPath.isEmpty()) {
      // parent_path lists the ancestors' ids, the record's own last.
      return Sql.concat(
          ("SELECT CAST(%s AS integer) FROM %s AS %s"
                  + " CROSS JOIN LATERAL unnest(string_to_array(rtrim(%s, '/'), '/')) AS %s(%s)"
                  + " WHERE ")
              .formatted(
                  Sql.column(node, "part"),
                  table,
                  Sql.quote(start),
                  Sql.column(start, parentPath),
                  Sql.quote(node),
                  Sql.quote("part")),
          starting);
    }
    String tree = Sql.quote(aliases.get());
    String link = Sql.quote(parent.column());
    String walk =
        childOf
            ? "SELECT %1$s.\"id\" FROM %2$s AS %1$s JOIN %3$s ON %1$s.%4$s = %3$s.\"id\""
            : "SELECT %1$s.%4$s FROM %2$s AS %1$s JOIN %3$s ON %1$s.\"id\" = %3$s.\"id\""
                + " WHERE %1$s.%4$s IS NOT NULL";
    // UNION (not UNION ALL) drops rows already seen, so a cycle in the data still terminates.
    return Sql.concat(
        "WITH RECURSIVE %1$s(\"id\") AS (SELECT %2$s FROM %3$s AS %4$s WHERE "
            .formatted(tree, Sql.column(start, "id"), table, Sql.quote(start)),
        starting,
        " UNION " + walk.formatted(Sql.quote(node), table, tree, link),
        ") SELECT %s.\"id\" FROM %s".formatted(tree, tree));
  }

  /** Odoo keeps {@code parent_path} up to date only for the model's own {@code parent_id}. */
  private static String parentPathColumn(ModelInfo model, FieldInfo parent) {
    if (!parent.name().equals("parent_id")) {
      return "";
    }
    return model.field("parent_path").map(FieldInfo::column).orElse("");
  }
}
