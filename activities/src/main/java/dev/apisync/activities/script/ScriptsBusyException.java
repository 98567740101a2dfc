package dev.apisync.activities.script;

/** No script context became free in time: the worker is overloaded; try again later. */
public class ScriptsBusyException extends RuntimeException {

  public ScriptsBusyException(String message) {
    super(message);
  }
}
