package dev.apisync.activities.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class InputLimitsTest {

  @Test
  void aSampleConfigIsWithinEveryBound() {
    assertThat(InputLimits.check(ConfigDraft.of(SampleConfigs.everyField("x")))).isEmpty();
  }

  @Test
  void scriptsAndExpressionsAreAtMost64KiB() {
    String justRight = "x = 1\n" + "#".repeat(InputLimits.MAX_SCRIPT_BYTES - 6);
    assertThat(errors(c -> c.requestScript(justRight))).isEmpty();
    assertThat(errors(c -> c.requestScript(justRight + "#")))
        .containsExactly("requestScript: at most 64 KiB (65536 bytes)");
    // Counted in UTF-8 bytes: 22,000 three-byte characters are more than 64 KiB.
    assertThat(errors(c -> c.requestScript("# " + "€".repeat(22_000))))
        .containsExactly("requestScript: at most 64 KiB (65536 bytes)");
    assertThat(
            errors(
                c ->
                    c.lines(
                        List.of(
                            SyncConfig.Line.identifier("id", "id"),
                            SyncConfig.Line.python("big", "'" + "a".repeat(70_000) + "'")))))
        .containsExactly("lines[1].expression: at most 64 KiB (65536 bytes)");
  }

  @Test
  void atMost200LinesAnd50Headers() {
    List<SyncConfig.Line> lines = Collections.nCopies(201, SyncConfig.Line.plain("name", "n"));
    assertThat(errors(c -> c.lines(lines))).containsExactly("lines: at most 200 lines (got 201)");
    List<Header> headers = Collections.nCopies(51, new Header("X-A", "b"));
    assertThat(errors(c -> c.headers(headers)))
        .containsExactly("headers: at most 50 headers (got 51)");
    assertThat(errors(c -> c.headers(Collections.nCopies(50, new Header("X-A", "b"))))).isEmpty();
  }

  @Test
  void nulCharactersAreRefusedOnTheFieldThatHoldsThem() {
    assertThat(
            errors(
                c ->
                    c.name("a\0b")
                        .filterDomain("[('name', '=', '\0')]")
                        .headers(List.of(new Header("X-A\0", "b")))
                        .auth(new Auth.Basic("me\0", "pw"))))
        .containsExactlyInAnyOrder(
            "name: may not contain NUL (U+0000) characters",
            "filterDomain: may not contain NUL (U+0000) characters",
            "headers[0].key: may not contain NUL (U+0000) characters",
            "auth.login: may not contain NUL (U+0000) characters");
  }

  @Test
  void headerValuesAndTokensArePrintableAscii() {
    assertThat(errors(c -> c.headers(List.of(new Header("X-City", "Київ")))))
        .containsExactly(
            "headers[0].value: may only contain printable ASCII characters (an HTTP header"
                + " value); found U+041A at position 0");
    assertThat(errors(c -> c.auth(new Auth.Bearer("tok\0en"))))
        .singleElement()
        .asString()
        .startsWith("auth.token: may only contain printable ASCII");
    assertThat(errors(c -> c.auth(new Auth.ApiKey("X-Key", "ключ"))))
        .singleElement()
        .asString()
        .startsWith("auth.value: may only contain printable ASCII");
    assertThat(errors(c -> c.headers(List.of(new Header("X-Q", "a\tb ~!"))))).isEmpty();
  }

  private static List<String> errors(UnaryOperator<SyncConfig.Builder> edit) {
    SyncConfig config = edit.apply(SampleConfigs.partners("x").toBuilder()).build();
    return InputLimits.check(ConfigDraft.of(config)).stream().map(FieldError::toString).toList();
  }
}
