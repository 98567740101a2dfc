package dev.apisync.activities.script;

import dev.apisync.activities.source.SourceUnavailableException;
import dev.apisync.workflows.ConfigSnapshot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The script engine (SPEC §5): python lines, request scripts, Python-valued domains and syntax
 * checks, each evaluated in a warm context borrowed from a pool on the JVM's shared {@link
 * PythonEngine}, under a watchdog that enforces the evaluation's time limit and a memory limit.
 *
 * <p>Scripts see Odoo's names ({@code env}, {@code records}, {@code datetime}, ...; see {@code
 * apisync_runtime.py}). Compiled scripts are cached in each context by the SHA-256 of their text,
 * so a warm context runs a page of records without compiling or creating anything.
 *
 * <p>Configs are isolated from each other: a context that ran a config's scripts serves that config
 * only (see {@link ContextPool}). Domains, which are single expressions that can neither import nor
 * assign, share contexts among themselves but never with a config's scripts.
 *
 * <p>Long because it is the one door to the pooled GraalPy contexts: each entry point (lines,
 * request scripts, domains, syntax checks) borrows, times and returns a context the same way.
 */
public final class PythonScripts implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PythonScripts.class);

  /** The owner of the contexts that evaluate domains (see the class comment). */
  private static final String DOMAINS = "domains";

  private final ScriptSettings settings;
  private final PythonEngine engine;
  private final ContextPool pool;
  private final ScriptWatchdog watchdog = new ScriptWatchdog();

  public PythonScripts(ScriptSettings settings) {
    this.settings = settings;
    this.engine = PythonEngine.shared();
    this.pool = new ContextPool(engine, settings.poolSize());
  }

  public ScriptSettings settings() {
    return settings;
  }

  public PythonEngine engine() {
    return engine;
  }

  /** Waits for the warm replacements of discarded contexts; false if the timeout came first. */
  public boolean awaitReplacements(java.time.Duration timeout) throws InterruptedException {
    return pool.awaitReplacements(timeout);
  }

  /** Contexts this engine created since it started; stays at the pool size while all goes well. */
  public long contextsCreated() {
    return pool.created();
  }

  /** Contexts closed because another config needed one (see {@link ContextPool}). */
  public long contextsRecycled() {
    return pool.recycled();
  }

  /**
   * Fills the pool. Every context runs a domain, a request script and a syntax check when it is
   * created, so the first real evaluations find the runtime loaded and its modules imported.
   */
  public void warmUp() {
    long started = System.nanoTime();
    List<ScriptContext> warmed = new ArrayList<>();
    try {
      for (int i = 0; i < pool.size(); i++) {
        warmed.add(pool.borrow(null, settings.acquireTimeout()));
      }
    } finally {
      warmed.forEach(pool::giveBack);
    }
    log.info(
        "Python scripts warm: {} contexts in {} ms ({} runtime)",
        pool.size(),
        (System.nanoTime() - started) / 1_000_000,
        engine.isOptimizing() ? "optimizing" : "interpreted");
  }

  /**
   * Evaluates python lines for every record, reporting each value or error to the sink. A record
   * that exceeds the time or memory limit fails, and so do the records after it (one runaway
   * expression must not hold the page for a time limit per record).
   *
   * @param configId the config whose lines these are: its contexts serve no other config
   * @param now what {@code datetime.now()} answers
   * @throws SourceUnavailableException when the source database failed to answer a script's read
   */
  void evaluateLines(
      long configId,
      String model,
      List<Long> ids,
      List<LineScript> lines,
      Instant now,
      Duration limit,
      ScriptSource source,
      String language,
      LineSink sink) {
    if (ids.isEmpty() || lines.isEmpty()) {
      return;
    }
    Evaluation evaluation = new Evaluation(source, language, sink, ids.size());
    List<Object> specs = new ArrayList<>();
    for (LineScript line : lines) {
      specs.add(ProxyArray.fromArray(hash(line.text()), line.text(), line.name()));
    }
    try {
      run(
          ownerOf(configId),
          evaluation,
          limit,
          context -> {
            context
                .runLines()
                .executeVoid(
                    model,
                    ProxyArray.fromList(new ArrayList<>(ids)),
                    ProxyArray.fromList(specs),
                    now.toEpochMilli(),
                    language);
            return true;
          });
    } catch (ScriptException e) {
      int failedAt = evaluation.position();
      if (failedAt >= ids.size()) {
        throw e;
      }
      String reason = e.getMessage();
      sink.recordFailed(failedAt, reason);
      for (int position = failedAt + 1; position < ids.size(); position++) {
        sink.recordFailed(
            position, "not evaluated: record " + ids.get(failedAt) + " of this page " + reason);
      }
    }
    throwIfUnavailable(evaluation);
  }

  /**
   * Runs a request script once for a request's records.
   *
   * @param configId the config whose script this is: its contexts serve no other config
   * @param requestData the mapped payload as JSON: an object, or an array for a page
   * @param now what {@code datetime.now()} answers
   * @return the script's {@code result} as JSON text, empty when the script assigned none
   * @throws ScriptException when the script raises or exceeds a limit
   * @throws SourceUnavailableException when the source database failed to answer a script's read
   */
  public Optional<String> runRequestScript(
      long configId,
      String model,
      List<Long> ids,
      String script,
      String requestData,
      Instant now,
      Duration limit,
      ScriptSource source,
      String language) {
    Evaluation evaluation = Evaluation.of(source, language);
    List<String> outcome =
        run(
            ownerOf(configId),
            evaluation,
            limit,
            context ->
                strings(
                    context
                        .runRequestScript()
                        .execute(
                            model,
                            ProxyArray.fromList(new ArrayList<>(ids)),
                            hash(script),
                            script,
                            requestData,
                            now.toEpochMilli(),
                            language)));
    throwIfUnavailable(evaluation);
    if (outcome.isEmpty()) {
      return Optional.empty();
    }
    if (outcome.getFirst().equals("ok")) {
      return Optional.of(outcome.get(1));
    }
    throw new ScriptException(ScriptException.Kind.RAISED, outcome.get(1), outcome.get(2));
  }

  /**
   * Evaluates a domain whose values are Python expressions, at {@code now}.
   *
   * @return the domain as Odoo's literal text
   * @throws ScriptException when the expression fails or yields no list
   */
  public String evaluateDomain(String domainText, Instant now) {
    List<String> outcome =
        run(
            DOMAINS,
            Evaluation.of(null, ConfigSnapshot.DEFAULT_LANGUAGE),
            settings.defaultTimeout(),
            context -> strings(context.evalDomain().execute(domainText, now.toEpochMilli())));
    if (outcome.getFirst().equals("ok")) {
      return outcome.get(1);
    }
    throw new ScriptException(ScriptException.Kind.RAISED, outcome.get(1), outcome.get(2));
  }

  /**
   * Compiles without running.
   *
   * @param expressionAllowed true for python lines (an expression, or statements that assign {@code
   *     result}); false for request scripts (statements)
   */
  public Optional<SyntaxProblem> checkSyntax(String text, boolean expressionAllowed) {
    List<String> problem =
        run(
            null,
            Evaluation.of(null, ConfigSnapshot.DEFAULT_LANGUAGE),
            settings.defaultTimeout(),
            context -> strings(context.checkSyntax().execute(text, "script", expressionAllowed)));
    if (problem.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SyntaxProblem(problem.get(0), Integer.parseInt(problem.get(1))));
  }

  /** The limit for a config's scripts: its own, else the default. */
  public Duration limit(int timeoutSeconds) {
    return timeoutSeconds > 0 ? Duration.ofSeconds(timeoutSeconds) : settings.defaultTimeout();
  }

  @Override
  public void close() {
    watchdog.close();
    pool.close();
  }

  /**
   * Runs {@code call} in a borrowed context under the watchdog. The call must turn guest values
   * into Java ones before returning: the context goes back to the pool right after.
   */
  private <T> T run(
      String owner, Evaluation evaluation, Duration limit, Function<ScriptContext, T> call) {
    ScriptContext context = pool.borrow(owner, settings.acquireTimeout());
    boolean healthy = false;
    ScriptWatchdog.Guard guard =
        watchdog.watch(context.context(), limit, settings.maxAllocatedBytes());
    evaluation.guardedBy(guard);
    context.host().begin(evaluation);
    try {
      T result = call.apply(context);
      healthy = guard.stop() == null;
      return result;
    } catch (PolyglotException e) {
      throw failure(e, guard.stop(), limit);
    } catch (IllegalStateException e) {
      // The watchdog closed the context under the evaluation.
      if (guard.stop() != null) {
        throw failure(null, guard.stop(), limit);
      }
      throw e;
    } finally {
      guard.close();
      context.host().end();
      if (healthy) {
        pool.giveBack(context);
      } else {
        pool.discard(context);
      }
    }
  }

  private ScriptException failure(PolyglotException e, ScriptWatchdog.Stop stop, Duration limit) {
    if (stop == ScriptWatchdog.Stop.TIMEOUT) {
      return new ScriptException(
          ScriptException.Kind.TIMED_OUT,
          "exceeded the time limit of " + seconds(limit) + " and was stopped",
          "");
    }
    if (stop == ScriptWatchdog.Stop.MEMORY || (e != null && e.isResourceExhausted())) {
      return new ScriptException(
          ScriptException.Kind.OUT_OF_MEMORY,
          "allocated more than the limit of "
              + (settings.maxAllocatedBytes() >> 20)
              + " MB and was stopped",
          "");
    }
    if (e != null && e.isHostException() && e.asHostException() instanceof RuntimeException host) {
      throw host;
    }
    String message = e == null ? "stopped" : String.valueOf(e.getMessage());
    if (e != null && (e.isInternalError() || !e.isGuestException())) {
      log.debug("Script refused by the sandbox", e);
      return new ScriptException(
          ScriptException.Kind.REFUSED, "the sandbox refused an operation: " + message, "");
    }
    return new ScriptException(
        e != null && e.isExit() ? ScriptException.Kind.REFUSED : ScriptException.Kind.RAISED,
        e != null && e.isExit() ? "scripts cannot exit" : message,
        "");
  }

  private static String seconds(Duration limit) {
    long millis = limit.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private static void throwIfUnavailable(Evaluation evaluation) {
    if (evaluation.unavailable() != null) {
      throw evaluation.unavailable();
    }
  }

  /** A Python None or list of str as Java strings: empty for None. */
  private static List<String> strings(Value value) {
    if (value.isNull()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (long i = 0; i < value.getArraySize(); i++) {
      Value item = value.getArrayElement(i);
      out.add(item.isString() ? item.asString() : item.toString());
    }
    return out;
  }

  private static String ownerOf(long configId) {
    return "config " + configId;
  }

  static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
