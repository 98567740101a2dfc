package dev.apisync.activities.script;

/**
 * A script failed: it raised (a {@code UserError} or anything else), ran past its time or memory
 * limit, or did something the sandbox refuses. Retrying cannot help; its records fail.
 */
public class ScriptException extends RuntimeException {

  /** How the script failed. */
  public enum Kind {
    RAISED,
    TIMED_OUT,
    OUT_OF_MEMORY,
    REFUSED
  }

  private final Kind kind;
  private final String traceback;

  /**
   * @param message the Python exception and the script line, e.g. {@code ZeroDivisionError:
   *     division by zero (line 3)}
   * @param traceback the script's own frames as Python prints them, empty when there are none
   */
  public ScriptException(Kind kind, String message, String traceback) {
    super(message);
    this.kind = kind;
    this.traceback = traceback;
  }

  public Kind kind() {
    return kind;
  }

  public String traceback() {
    return traceback;
  }

  /** The message, then the traceback on the following lines: what a run result shows. */
  public String describe(String scriptName) {
    String head = scriptName + ": " + getMessage();
    return traceback.isEmpty() ? head : head + "\n" + traceback;
  }
}
