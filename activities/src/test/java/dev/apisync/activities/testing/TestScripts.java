package dev.apisync.activities.testing;

import dev.apisync.activities.script.PythonScripts;
import dev.apisync.activities.script.ScriptSettings;
import java.time.Duration;

/**
 * One warm script engine for all the tests of a JVM: warming GraalPy costs seconds, so test classes
 * share it (and the JVM's {@code PythonEngine}) instead of starting their own.
 */
public final class TestScripts {

  /** Small but more than one, so tests also see contexts handed between evaluations. */
  public static final int POOL_SIZE = 2;

  private static PythonScripts shared;

  private TestScripts() {}

  public static synchronized PythonScripts shared() {
    if (shared == null) {
      shared =
          new PythonScripts(
              new ScriptSettings(
                  POOL_SIZE, Duration.ofSeconds(5), 256L << 20, Duration.ofMinutes(1)));
      shared.warmUp();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }
}
