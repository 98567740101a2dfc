package dev.apisync.activities.source;

/** Odoo field kinds that matter to reading and mapping. */
public enum FieldKind {
  SCALAR,
  MANY2ONE,
  ONE2MANY,
  MANY2MANY
}
