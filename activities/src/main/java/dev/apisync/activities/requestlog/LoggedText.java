package dev.apisync.activities.requestlog;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bodies as the request log keeps them: a bounded prefix of UTF-8, with a marker when cut, and
 * without NUL characters (PostgreSQL text cannot hold them). Request bodies (our own mapped data)
 * keep {@link #MAX_BYTES}; answers keep {@code apisync.logs.response-bytes} (default {@link
 * #DEFAULT_RESPONSE_BYTES}): an answer is the target's data, and a config aimed at the wrong place
 * should not turn the log into a way to read it back.
 */
public final class LoggedText {

  /** 64 KiB: enough to read any realistic request body, small enough for a busy log table. */
  public static final int MAX_BYTES = 64 * 1024;

  /** 4 KiB of each answer: enough for any error message a target sends. */
  public static final int DEFAULT_RESPONSE_BYTES = 4 * 1024;

  private LoggedText() {}

  /** A text body, cut at {@link #MAX_BYTES} UTF-8 bytes (never inside a character). */
  public static String of(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    return utf8.length <= MAX_BYTES ? clean(text) : prefix(utf8, MAX_BYTES) + marker(MAX_BYTES);
  }

  /**
   * A body read only in part.
   *
   * @param start the first bytes of the body; more than {@code maxBytes} means it is longer
   * @param maxBytes how much of it to keep
   */
  public static String ofStart(byte[] start, int maxBytes) {
    return start.length <= maxBytes
        ? clean(new String(start, StandardCharsets.UTF_8))
        : prefix(start, maxBytes) + marker(maxBytes);
  }

  private static String marker(int maxBytes) {
    return "\n[truncated at " + maxBytes + " bytes]";
  }

  /** The longest whole-character UTF-8 prefix of at most {@code maxBytes} bytes. */
  private static String prefix(byte[] utf8, int maxBytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    CharBuffer chars = CharBuffer.allocate(maxBytes);
    // Without endOfInput, a character cut by the limit stays undecoded instead of becoming U+FFFD.
    decoder.decode(ByteBuffer.wrap(utf8, 0, maxBytes), chars, false);
    return clean(chars.flip().toString());
  }

  private static String clean(String text) {
    return text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
  }
}
