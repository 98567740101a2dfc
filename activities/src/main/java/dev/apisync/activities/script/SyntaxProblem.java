package dev.apisync.activities.script;

/**
 * Why a script does not compile.
 *
 * @param line the 1-based line, 0 when Python names none
 */
public record SyntaxProblem(String message, int line) {

  /** {@code line 3: invalid syntax}. */
  public String describe() {
    return line > 0 ? "line " + line + ": " + message : message;
  }
}
