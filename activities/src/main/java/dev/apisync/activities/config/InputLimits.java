package dev.apisync.activities.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The size and character bounds of a config (issue 8 §5), checked before any other rule: a config
 * inside them can be validated, stored and run without exhausting memory or stack, and without text
 * PostgreSQL or HTTP cannot carry (NUL characters, non-ASCII header values). Pure: no database, no
 * Python.
 */
public final class InputLimits {

  /** The largest Python text (request script, one line's expression), in UTF-8 bytes. */
  public static final int MAX_SCRIPT_BYTES = 64 * 1024;

  public static final int MAX_DOMAIN_BYTES = 64 * 1024;
  public static final int MAX_LINES = 200;
  public static final int MAX_HEADERS = 50;

  /** The lowest rate limit, in requests per second: one request every 100 seconds. */
  public static final double MIN_RATE_LIMIT = 0.01;

  private InputLimits() {}

  /**
   * @return the broken bounds, empty when the config is within all of them
   */
  public static List<FieldError> check(ConfigDraft draft) {
    SyncConfig config = draft.config();
    List<FieldError> errors = new ArrayList<>();
    noNul(errors, "name", config.name());
    noNul(errors, "model", config.model());
    noNul(errors, "filterDomain", config.filterDomain());
    noNul(errors, "requestUrl", config.requestUrl());
    noNul(errors, "httpMethod", draft.httpMethod());
    noNul(errors, "language", config.language());
    maxBytes(errors, "filterDomain", config.filterDomain(), MAX_DOMAIN_BYTES);
    maxBytes(errors, "requestScript", config.requestScript(), MAX_SCRIPT_BYTES);
    noNul(errors, "requestScript", config.requestScript());
    auth(errors, draft.auth());
    headers(errors, config.headers());
    lines(errors, draft.lines());
    return List.copyOf(errors);
  }

  private static void auth(List<FieldError> errors, ConfigDraft.RawAuth auth) {
    for (Map.Entry<String, String> field :
        Map.of(
                "type", auth.type(),
                "login", auth.login(),
                "password", auth.password(),
                "headerName", auth.headerName())
            .entrySet()) {
      noNul(errors, "auth." + field.getKey(), field.getValue());
    }
    // Sent as header values as they are.
    headerValue(errors, "auth.token", auth.token());
    headerValue(errors, "auth.value", auth.value());
  }

  private static void headers(List<FieldError> errors, List<Header> headers) {
    if (headers.size() > MAX_HEADERS) {
      errors.add(
          new FieldError(
              "headers", "at most " + MAX_HEADERS + " headers (got " + headers.size() + ")"));
      return;
    }
    for (int i = 0; i < headers.size(); i++) {
      noNul(errors, "headers[" + i + "].key", headers.get(i).key());
      headerValue(errors, "headers[" + i + "].value", headers.get(i).value());
    }
  }

  private static void lines(List<FieldError> errors, List<ConfigDraft.RawLine> lines) {
    if (lines.size() > MAX_LINES) {
      errors.add(
          new FieldError("lines", "at most " + MAX_LINES + " lines (got " + lines.size() + ")"));
      return;
    }
    for (int i = 0; i < lines.size(); i++) {
      String prefix = "lines[" + i + "].";
      ConfigDraft.RawLine line = lines.get(i);
      noNul(errors, prefix + "field", line.field());
      noNul(errors, prefix + "externalKey", line.externalKey());
      noNul(errors, prefix + "valueType", line.valueType());
      maxBytes(errors, prefix + "expression", line.expression(), MAX_SCRIPT_BYTES);
      noNul(errors, prefix + "expression", line.expression());
    }
  }

  /** HTTP header values are visible ASCII, spaces and tabs (RFC 9110 §5.5, without obs-text). */
  private static void headerValue(List<FieldError> errors, String field, String value) {
    if (value == null) {
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n') {
        return; // the validator names line breaks on their own
      }
      if (!(c == '\t' || (c >= 0x20 && c < 0x7f))) {
        errors.add(
            new FieldError(
                field,
                "may only contain printable ASCII characters (an HTTP header value); found"
                    + String.format(" U+%04X at position %d", (int) c, i)));
        return;
      }
    }
  }

  /** PostgreSQL text cannot hold NUL (U+0000). */
  private static void noNul(List<FieldError> errors, String field, String value) {
    if (value != null && value.indexOf('\0') >= 0) {
      errors.add(new FieldError(field, "may not contain NUL (U+0000) characters"));
    }
  }

  private static void maxBytes(List<FieldError> errors, String field, String value, int max) {
    if (value != null
        && value.length() > max / 3
        && value.getBytes(StandardCharsets.UTF_8).length > max) {
      errors.add(new FieldError(field, "at most " + max / 1024 + " KiB (" + max + " bytes)"));
    }
  }
}
