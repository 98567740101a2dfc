package dev.apisync.activities.script;

import dev.apisync.activities.source.SourceUnavailableException;
import org.graalvm.polyglot.Value;

/** The state of one evaluation that the host object serves while it runs. */
final class Evaluation {

  private final ScriptSource source;
  private final String language;
  private final LineSink lines;
  private final int records;
  private volatile ScriptWatchdog.Guard guard;
  private volatile int position;
  private volatile SourceUnavailableException unavailable;

  /**
   * @param source the records scripts may read, or null (domains read none)
   * @param lines where line outcomes go, or null for other evaluations
   * @param records how many records the lines run for, 0 for other evaluations
   */
  Evaluation(ScriptSource source, String language, LineSink lines, int records) {
    this.source = source;
    this.language = language;
    this.lines = lines;
    this.records = records;
  }

  static Evaluation of(ScriptSource source, String language) {
    return new Evaluation(source, language, null, 0);
  }

  ScriptSource source() {
    return source;
  }

  String language() {
    return language;
  }

  void guardedBy(ScriptWatchdog.Guard guard) {
    this.guard = guard;
  }

  /** The record the lines are at: how many records are done. */
  int position() {
    return position;
  }

  /**
   * Takes a record's line outcomes and moves on to the next record, whose time and memory count
   * afresh. Only the record under way can be reported, once, so a script cannot keep its own clock
   * from running out.
   */
  void recordDone(int done, Value outcomes) {
    if (lines == null || done != position || done >= records) {
      return;
    }
    for (int line = 0; line < outcomes.getArraySize(); line++) {
      Value outcome = outcomes.getArrayElement(line);
      if (outcome.isString()) {
        lines.value(done, line, outcome.asString());
      } else {
        lines.error(
            done,
            line,
            new ScriptException(
                ScriptException.Kind.RAISED,
                outcome.getArrayElement(0).asString(),
                outcome.getArrayElement(1).asString()));
      }
    }
    position = done + 1;
    ScriptWatchdog.Guard current = guard;
    if (current != null) {
      current.rearm();
    }
  }

  void sourceUnavailable(SourceUnavailableException e) {
    unavailable = e;
  }

  /** The database outage a script ran into, if any: the evaluation is worth retrying. */
  SourceUnavailableException unavailable() {
    return unavailable;
  }
}
