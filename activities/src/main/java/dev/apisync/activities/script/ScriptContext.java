package dev.apisync.activities.script;

import dev.apisync.workflows.ConfigSnapshot;
import java.io.InputStream;
import java.io.OutputStream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * One sandboxed GraalPy context with the script runtime loaded: {@link SandboxPolicy#CONSTRAINED},
 * no file system, network, process, thread, native or host-class access, no environment variables,
 * no other languages. The only host object it can reach is its {@link ScriptHost}.
 */
final class ScriptContext {

  private final Context context;
  private final ScriptHost host;
  private final Value runLines;
  private final Value runRequestScript;
  private final Value evalDomain;
  private final Value checkSyntax;
  private final long number;

  /** Whose scripts ran here; null while the context has run only apisync's own code. */
  private volatile String owner;

  private ScriptContext(Context context, ScriptHost host, long number) {
    this.context = context;
    this.host = host;
    this.number = number;
    Value runtime = context.getBindings(PythonEngine.LANGUAGE);
    runtime.getMember("_install").executeVoid(host);
    this.runLines = runtime.getMember("_run_lines");
    this.runRequestScript = runtime.getMember("_run_request_script");
    this.evalDomain = runtime.getMember("_eval_domain");
    this.checkSyntax = runtime.getMember("_check_syntax");
  }

  static ScriptContext create(PythonEngine engine, long number) {
    Context context =
        Context.newBuilder(PythonEngine.LANGUAGE)
            .engine(engine.engine())
            .sandbox(SandboxPolicy.CONSTRAINED)
            .in(InputStream.nullInputStream())
            .out(OutputStream.nullOutputStream())
            .err(OutputStream.nullOutputStream())
            .allowIO(IOAccess.NONE)
            .allowCreateProcess(false)
            .allowCreateThread(false)
            .allowNativeAccess(false)
            .allowHostClassLookup(className -> false)
            .allowHostAccess(HostAccess.CONSTRAINED)
            .allowPolyglotAccess(PolyglotAccess.NONE)
            .allowEnvironmentAccess(EnvironmentAccess.NONE)
            .build();
    try {
      context.eval(engine.runtime());
      return new ScriptContext(context, new ScriptHost(), number);
    } catch (RuntimeException e) {
      context.close(true);
      throw e;
    }
  }

  /**
   * Runs a domain, a request script and a syntax check once, so that the modules they import are
   * loaded and their code is parsed before the context serves a real evaluation.
   */
  void warm() {
    long now = System.currentTimeMillis();
    host.begin(Evaluation.of(null, ConfigSnapshot.DEFAULT_LANGUAGE));
    try {
      exercise(now);
    } finally {
      host.end();
    }
  }

  private void exercise(long now) {
    evalDomain.execute(
        "[('create_date', '>=', (datetime.now() - timedelta(days=7)).strftime('%Y-%m-%d'))]", now);
    runRequestScript.execute(
        "",
        ProxyArray.fromArray(),
        "warm-up",
        "result = {'data': request_data, 'count': len(records), 'at': datetime.now().isoformat()}",
        "{\"id\": 1}",
        now,
        ConfigSnapshot.DEFAULT_LANGUAGE);
    // "_" makes the check parse it, so the parser is loaded before a real script needs it.
    checkSyntax.execute("record._name", "warm-up", true);
  }

  Context context() {
    return context;
  }

  ScriptHost host() {
    return host;
  }

  Value runLines() {
    return runLines;
  }

  Value runRequestScript() {
    return runRequestScript;
  }

  Value evalDomain() {
    return evalDomain;
  }

  Value checkSyntax() {
    return checkSyntax;
  }

  /** Whose scripts this context has run, or null when none: it then serves only that owner. */
  String owner() {
    return owner;
  }

  /** Whether code of {@code owner} (null: no script code) may run here. */
  boolean canServe(String owner) {
    return owner == null || this.owner == null || this.owner.equals(owner);
  }

  /** Marks the context as running {@code owner}'s code from now on (no-op for null). */
  void claimFor(String owner) {
    if (owner != null) {
      this.owner = owner;
    }
  }

  /** Which context this is, counting from 1 since the pool started. */
  long number() {
    return number;
  }

  void close() {
    try {
      context.close(true);
    } catch (RuntimeException e) {
      // Already closed or cancelled by the watchdog.
    }
  }
}
