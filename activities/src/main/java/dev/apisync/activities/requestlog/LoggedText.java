package dev.apisync.activities.requestlog;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bodies as the request log keeps them: at most {@link #MAX_BYTES} of UTF-8, with a marker when
 * cut, and without NUL characters (PostgreSQL text cannot hold them).
 */
public final class LoggedText {

  /** 64 KiB: enough to read any realistic error answer, small enough for a busy log table. */
  public static final int MAX_BYTES = 64 * 1024;

  private static final String MARKER = "\n[truncated at " + MAX_BYTES + " bytes]";

  private LoggedText() {}

  /** A text body, cut at {@link #MAX_BYTES} UTF-8 bytes (never inside a character). */
  public static String of(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    return utf8.length <= MAX_BYTES ? clean(text) : prefix(utf8) + MARKER;
  }

  /**
   * A body read only in part.
   *
   * @param start the first bytes of the body; more than {@link #MAX_BYTES} means it is longer
   */
  public static String ofStart(byte[] start) {
    return start.length <= MAX_BYTES
        ? clean(new String(start, StandardCharsets.UTF_8))
        : prefix(start) + MARKER;
  }

  /** The longest whole-character UTF-8 prefix of at most {@link #MAX_BYTES} bytes. */
  private static String prefix(byte[] utf8) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    CharBuffer chars = CharBuffer.allocate(MAX_BYTES);
    // Without endOfInput, a character cut by the limit stays undecoded instead of becoming U+FFFD.
    decoder.decode(ByteBuffer.wrap(utf8, 0, MAX_BYTES), chars, false);
    return clean(chars.flip().toString());
  }

  private static String clean(String text) {
    return text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
  }
}
