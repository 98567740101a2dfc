package dev.apisync.activities.script;

/** Receives the outcomes of python lines, per record (by position in the batch) and line. */
interface LineSink {

  /** The line's value for the record, as JSON text. */
  void value(int position, int line, String json);

  /** The line raised for the record. */
  void error(int position, int line, ScriptException error);

  /** The record could not be evaluated at all (time limit, memory limit, sandbox). */
  void recordFailed(int position, String reason);
}
