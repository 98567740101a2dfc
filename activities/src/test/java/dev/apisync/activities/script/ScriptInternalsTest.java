package dev.apisync.activities.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.apisync.activities.testing.TestScripts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runtime's internals (its module globals such as {@code _real_import} and {@code _HOST},
 * frames, {@code __builtins__}, the class graph) are out of a script's reach: named in code they
 * are refused when the script compiles (so a config holding one is refused when saved), reached by
 * name at run time they raise.
 */
class ScriptInternalsTest {

  private static final String NOT_ACCESSIBLE = "is not accessible in apisync scripts";

  private static ScriptException refused(String script) {
    ScriptException error =
        catchThrowableOfType(
            ScriptException.class, () -> ScriptFixtures.run(null, "", List.of(), script, "{}"));
    assertThat(error).as("refused: %s", script).isNotNull();
    return error;
  }

  @Test
  void functionGlobalsAreRefusedWhenTheScriptCompiles() {
    assertThat(refused("rt = datetime.now.__func__.__globals__\nresult = rt['_real_import']"))
        .hasMessageStartingWith("SyntaxError: '__globals__' " + NOT_ACCESSIBLE)
        .hasMessageContaining("line 1");
    assertThat(refused("result = (lambda: 0).__globals__")).hasMessageContaining(NOT_ACCESSIBLE);
  }

  @Test
  void builtinsAndTheClassGraphAreRefused() {
    assertThat(refused("result = __builtins__['__import__']('os')"))
        .hasMessageContaining("'__builtins__' " + NOT_ACCESSIBLE);
    assertThat(refused("result = str(().__class__.__base__.__subclasses__())"))
        .hasMessageContaining(NOT_ACCESSIBLE);
    assertThat(refused("result = __import__('os')"))
        .hasMessageContaining("'__import__' " + NOT_ACCESSIBLE);
  }

  @Test
  void framesAreRefused() {
    assertThat(
            refused(
                "def walk():\n"
                    + "    yield gen.gi_frame.f_back.f_globals\n"
                    + "gen = walk()\n"
                    + "result = str(next(gen))"))
        .hasMessageContaining(NOT_ACCESSIBLE)
        .hasMessageContaining("line 2");
  }

  @Test
  void reachingInternalsByNameAtRunTimeRaises() {
    assertThat(refused("name = '__glo' + 'bals__'\nresult = str(getattr(float_round, name))"))
        .hasMessageStartingWith("AttributeError: '__globals__' " + NOT_ACCESSIBLE);
    assertThat(
            refused(
                "import operator\n"
                    + "name = '_' * 2 + 'globals__'\n"
                    + "result = str(operator.attrgetter(name)(float_round))"))
        .hasMessageContaining(NOT_ACCESSIBLE);
    assertThat(
            refused(
                "import string\n"
                    + "result = str(string.Formatter().get_field('0.f', [float_round], {}))"))
        .hasMessageContaining("string.Formatter() is not available");
    assertThat(refused("result = '{0.__globals__}'.format(float_round)"))
        .hasMessageContaining("a format field may not reach");
  }

  @Test
  void allowedModulesDoNotLeadToOtherModules() {
    assertThat(refused("import re\nresult = str(re.enum.sys.modules['__main__'])"))
        .hasMessageStartingWith("AttributeError")
        .hasMessageContaining("enum");
    assertThat(refused("import json\nresult = str(json.decoder)"))
        .hasMessageStartingWith("AttributeError");
    // A first import of a module is slow on a busy machine: a generous limit.
    assertThat(
            TestScripts.shared()
                .runRequestScript(
                    ScriptFixtures.CONFIG_ID,
                    "",
                    List.of(),
                    "import urllib.parse, re\n"
                        + "from collections import OrderedDict\n"
                        + "result = [urllib.parse.quote('a b'), re.sub('b', 'c', 'ab'),"
                        + " list(OrderedDict(x=1))]",
                    "{}",
                    ScriptFixtures.NOW,
                    Duration.ofSeconds(30),
                    null,
                    "en_US"))
        .contains("[\"a%20b\",\"ac\",[\"x\"]]");
  }

  @Test
  void theToolsThatChangeOrEvaluateByNameAreNotThere() {
    for (String call :
        List.of(
            "setattr(datetime, 'now', None)",
            "vars(datetime)",
            "globals()",
            "eval('1')",
            "exec('x = 1')",
            "compile('1', 'x', 'eval')")) {
      String name = call.substring(0, call.indexOf('('));
      assertThat(refused("result = " + call))
          .hasMessageStartingWith("NameError: " + name + "() is not available in apisync scripts");
    }
  }

  @Test
  void odooPublicNamesStillWork() throws Exception {
    assertThat(
            ScriptFixtures.run(
                null,
                "",
                List.of(),
                "import operator, string\n"
                    + "by_id = operator.attrgetter('id')\n"
                    + "result = {'model': records._name, 'ids': records._ids,"
                    + " 'has': hasattr(records, 'ids'), 'up': string.ascii_uppercase[:3],"
                    + " 'fmt': '{0} {x}'.format(1, x=2), 'got': getattr(records, 'ids')}",
                "{}"))
        .contains(
            "{\"model\":\"\",\"ids\":[],\"has\":true,\"up\":\"ABC\",\"fmt\":\"1 2\",\"got\":[]}");
  }

  @Test
  void aConfigReachingInternalsIsRefusedWhenSaved() {
    PythonScripts scripts = TestScripts.shared();

    assertThat(scripts.checkSyntax("x = 1\nresult = record.__class__", true))
        .hasValueSatisfying(
            problem -> {
              assertThat(problem.message()).contains("'__class__' " + NOT_ACCESSIBLE);
              assertThat(problem.line()).isEqualTo(2);
            });
    assertThat(scripts.checkSyntax("record.name.upper()", true)).isEmpty();
  }

  @Test
  void aDomainReachingInternalsIsRefused() {
    assertThat(
            catchThrowableOfType(
                ScriptException.class,
                () ->
                    TestScripts.shared()
                        .evaluateDomain(
                            "[('name', '=', str(datetime.now.__func__.__globals__))]",
                            ScriptFixtures.NOW)))
        .hasMessageContaining(NOT_ACCESSIBLE);
  }
}
