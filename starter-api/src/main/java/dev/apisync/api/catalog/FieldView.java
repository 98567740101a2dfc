package dev.apisync.api.catalog;

import dev.apisync.activities.source.FieldInfo;
import dev.apisync.activities.source.FieldKind;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;

/** One field of a model, as the console's field picker shows it. */
@Schema(name = "SourceField")
public record FieldView(
    String name,
    String label,
    @Schema(
            description =
                "Odoo's ttype (char, many2one, ...); without Odoo's metadata the SQL type or the"
                    + " relation's kind")
        String type,
    @Schema(description = "The comodel of a relational field, empty otherwise")
        String relatedModel) {

  static FieldView of(FieldInfo field, String label) {
    String type =
        !field.odooType().isEmpty()
            ? field.odooType()
            : field.kind() == FieldKind.SCALAR
                ? field.sqlType()
                : field.kind().name().toLowerCase(Locale.ROOT);
    return new FieldView(
        field.name(), label == null ? field.name() : label, type, field.relatedModel());
  }
}
