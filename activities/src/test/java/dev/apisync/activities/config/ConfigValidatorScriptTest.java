package dev.apisync.activities.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.egress.EgressPolicy;
import dev.apisync.activities.script.PythonDomainExpressions;
import dev.apisync.activities.script.PythonScripts;
import dev.apisync.activities.script.SyntaxProblem;
import dev.apisync.activities.source.DomainCompiler;
import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.activities.testing.TestConfigStores;
import dev.apisync.activities.testing.TestPostgres;
import dev.apisync.activities.testing.TestScripts;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The config's Python at save time: compiled (not run), and Python domains evaluated at now. */
class ConfigValidatorScriptTest {

  private static ConfigValidator validator;

  @BeforeAll
  static void setUp() {
    ConfigStore store = TestConfigStores.fresh("config_scripts");
    SourceCatalog catalog =
        new SourceCatalog(SampleSource.create(TestPostgres.freshDatabase("config_scripts_src")));
    PythonScripts scripts = TestScripts.shared();
    validator =
        new ConfigValidator(
            catalog,
            new DomainCompiler(catalog, new PythonDomainExpressions(scripts)),
            store,
            (text, expressionAllowed) ->
                scripts.checkSyntax(text, expressionAllowed).map(SyntaxProblem::describe),
            EgressPolicy.strict());
  }

  @Test
  void acceptsValidScriptsAndPythonDomains() {
    assertThat(
            errors(
                c ->
                    c.requestScript(
                            "total = len(records)\nresult = {'data': request_data, 'n': total}")
                        .line(SyncConfig.Line.python("greeting", "'Hi ' + record.name"))
                        .line(
                            SyncConfig.Line.python(
                                "phone",
                                "phone = record.phone or ''\nresult = phone.replace(' ', '')"))
                        .filterDomain(
                            "[('name', '!=', (datetime.now() - timedelta(days=7))"
                                + ".strftime('%Y-%m-%d'))]")
                        .scriptTimeout(60)))
        .isEmpty();
  }

  @Test
  void refusesARequestScriptWithASyntaxErrorNamingTheLine() {
    assertThat(errors(c -> c.requestScript("total = 1\nresult = total +* 2\n")))
        .containsExactly("requestScript: Python syntax error: line 2: invalid syntax");
  }

  @Test
  void refusesAPythonLineWithASyntaxError() {
    assertThat(errors(c -> c.line(SyncConfig.Line.python("x", "record.name +"))))
        .containsExactly("lines[3].expression: Python syntax error: line 1: invalid syntax");
  }

  @Test
  void refusesAPythonDomainThatFailsWhenEvaluatedNow() {
    assertThat(errors(c -> c.filterDomain("[('name', '=', today())]")))
        .singleElement()
        .asString()
        .startsWith(
            "filterDomain: the domain's Python failed: NameError: name 'today' is not defined");
  }

  @Test
  void scriptTimeoutIsOneToSixtySeconds() {
    assertThat(errors(c -> c.scriptTimeout(0)))
        .containsExactly("scriptTimeout: must be between 1 and 60 seconds (got 0)");
    assertThat(errors(c -> c.scriptTimeout(61)))
        .containsExactly("scriptTimeout: must be between 1 and 60 seconds (got 61)");
  }

  private static List<String> errors(UnaryOperator<SyncConfig.Builder> change) {
    SyncConfig config =
        change.apply(SampleConfigs.partners("scripts " + UUID.randomUUID()).toBuilder()).build();
    return validator.validate(ConfigDraft.of(config), 0).stream()
        .map(FieldError::toString)
        .toList();
  }
}
