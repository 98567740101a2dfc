package dev.apisync.activities.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoggedTextTest {

  private static final String MARKER = "\n[truncated at 65536 bytes]";

  @Test
  void shortTextIsKeptAsIs() {
    assertThat(LoggedText.of("{\"a\":1}")).isEqualTo("{\"a\":1}");
    assertThat(LoggedText.of("x".repeat(LoggedText.MAX_BYTES))).hasSize(LoggedText.MAX_BYTES);
  }

  @Test
  void longTextKeepsItsFirst64KibAndIsMarked() {
    String cut = LoggedText.of("x".repeat(LoggedText.MAX_BYTES + 1));

    assertThat(cut).isEqualTo("x".repeat(LoggedText.MAX_BYTES) + MARKER);
  }

  @Test
  void cutNeverSplitsACharacter() {
    // 'ї' is two bytes in UTF-8: 65,535 bytes of 'a' leave no room for it.
    String text = "a".repeat(LoggedText.MAX_BYTES - 1) + "їїї";

    String cut = LoggedText.of(text);

    assertThat(cut).isEqualTo("a".repeat(LoggedText.MAX_BYTES - 1) + MARKER);
  }

  @Test
  void bodyReadInPartIsMarkedOnlyWhenThereWasMore() {
    byte[] exact = "y".repeat(LoggedText.MAX_BYTES).getBytes(StandardCharsets.UTF_8);
    byte[] more = "y".repeat(LoggedText.MAX_BYTES + 1).getBytes(StandardCharsets.UTF_8);

    assertThat(LoggedText.ofStart(exact, LoggedText.MAX_BYTES)).doesNotContain("truncated");
    assertThat(LoggedText.ofStart(more, LoggedText.MAX_BYTES)).endsWith(MARKER).startsWith("yyy");
  }

  @Test
  void nulCharactersWhichPostgresqlTextCannotHoldAreReplaced() {
    assertThat(LoggedText.of("a\u0000b")).isEqualTo("a\uFFFDb");
  }
}
