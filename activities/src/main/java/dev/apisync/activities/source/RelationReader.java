package dev.apisync.activities.source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads the records linked through a one2many or many2many field, for many records in one query:
 * the comodel's inverse column for a one2many, the relation table for a many2many. As Odoo's ORM
 * does when it reads an x2many, archived records of the comodel are left out; a link to a row that
 * no longer exists is left out too.
 */
public class RelationReader {

  private static final String CHILD = "c";
  private static final String LINK = "l";

  private final DataSource source;
  private final SourceCatalog catalog;

  public RelationReader(DataSource source, SourceCatalog catalog) {
    this.source = source;
    this.catalog = catalog;
  }

  /**
   * @param fieldName a one2many or many2many field of {@code modelName}
   * @return per owner id that has links, the linked ids in ascending order; owners without links
   *     are absent
   * @throws SourceException when the field is unknown or not a one2many/many2many, or the catalog
   *     lacks its inverse field or relation table
   */
  public Map<Long, List<Long>> linked(String modelName, String fieldName, Collection<Long> owners) {
    ModelInfo model = catalog.requireModel(modelName);
    FieldInfo field =
        model
            .field(fieldName)
            .orElseThrow(() -> SourceCatalog.unknownField(fieldName, model, fieldName));
    ModelInfo comodel = catalog.requireModel(field.relatedModel());
    String sql = query(model, field, comodel);
    if (owners.isEmpty()) {
      return Map.of();
    }
    Map<Long, List<Long>> links = new LinkedHashMap<>();
    try (Connection connection = source.getConnection();
        PreparedStatement statement =
            Sql.prepare(connection, sql, List.of(Sql.idArray(List.copyOf(owners))));
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        links.computeIfAbsent(rows.getLong(1), owner -> new ArrayList<>()).add(rows.getLong(2));
      }
    } catch (SQLException e) {
      throw SqlErrors.translate("reading " + modelName + "." + fieldName + " links", e);
    }
    links.replaceAll((owner, ids) -> List.copyOf(ids));
    return Collections.unmodifiableMap(links);
  }

  /** {@code SELECT owner, child ... WHERE owner = ANY(?) ORDER BY owner, child}. */
  private static String query(ModelInfo model, FieldInfo field, ModelInfo comodel) {
    String child = Sql.column(CHILD, "id");
    String active =
        comodel
            .field("active")
            .map(flag -> " AND " + Sql.column(CHILD, flag.column()) + " IS TRUE")
            .orElse("");
    String coTable = Sql.quote(comodel.table()) + " AS " + Sql.quote(CHILD);
    switch (field.kind()) {
      case ONE2MANY -> {
        FieldInfo inverse = RelatedRecords.inverse(model.name(), field, comodel);
        String owner = Sql.column(CHILD, inverse.column());
        return "SELECT %s, %s FROM %s WHERE %s = ANY(?)%s ORDER BY 1, 2"
            .formatted(owner, child, coTable, owner, active);
      }
      case MANY2MANY -> {
        RelatedRecords.requireLinkTable(model.name(), field);
        String owner = Sql.column(LINK, field.relationColumn1());
        return "SELECT DISTINCT %s, %s FROM %s AS %s JOIN %s ON %s = %s WHERE %s = ANY(?)%s ORDER BY 1, 2"
            .formatted(
                owner,
                child,
                Sql.quote(field.relationTable()),
                Sql.quote(LINK),
                coTable,
                child,
                Sql.column(LINK, field.relationColumn2()),
                owner,
                active);
      }
      default ->
          throw new SourceException(
              "'%s' on %s is a %s field, not a one2many or many2many"
                  .formatted(
                      field.name(),
                      model.name(),
                      field.kind() == FieldKind.MANY2ONE ? "many2one" : "plain"));
    }
  }
}
