package dev.apisync.workflows;

/**
 * One field mapping line (≙ {@code bj.api.sync.config.line}).
 *
 * @param field source field or dotted many2one path, e.g. {@code parent_id.country_id.code}
 * @param externalKey JSON key; dots build nested objects ({@code address.city})
 * @param mappingConfigId the child config for relational lines, 0 when none
 * @param expression the Python expression for python lines, empty when none
 */
public record FieldLine(
    String field,
    String externalKey,
    ValueType valueType,
    boolean isIdentifier,
    long mappingConfigId,
    String expression) {}
