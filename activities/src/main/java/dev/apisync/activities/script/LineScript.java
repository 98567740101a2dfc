package dev.apisync.activities.script;

/**
 * A python line's code.
 *
 * @param name how errors name it, e.g. {@code lines[3].expression}
 * @param text an expression (its value is the line's), or statements that assign {@code result}
 */
public record LineScript(String name, String text) {}
