package dev.apisync.activities.source;

import dev.apisync.activities.source.PyValue.PyBool;
import dev.apisync.activities.source.PyValue.PyFloat;
import dev.apisync.activities.source.PyValue.PyInt;
import dev.apisync.activities.source.PyValue.PyNone;
import dev.apisync.activities.source.PyValue.PySeq;
import dev.apisync.activities.source.PyValue.PyStr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Python literal syntax Odoo domains are written in: lists, tuples, strings, numbers,
 * {@code True}, {@code False}, {@code None}. Anything that would need Python to evaluate it is
 * refused with a {@link DomainExpressionException} quoting the expression; {@link DomainCompiler}
 * then has the domain evaluated by its {@link DomainExpressions}. Positions in messages count from
 * 1.
 *
 * <p>Long because it is one recursive-descent grammar (Python literals, as Odoo domains use them).
 */
final class PythonLiteralParser {

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:\\d[\\d_]*(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> OTHER_LANGUAGES_LITERALS =
      Set.of("true", "false", "null", "none");

  /** Characters that may follow a value only inside a Python expression. */
  private static final String EXPRESSION_CHARACTERS = "+-*/%.(<>=!&|[@^~";

  private final String text;
  private int pos;
  private int depth;

  private PythonLiteralParser(String text) {
    this.text = text;
  }

  static PyValue parse(String text) {
    PythonLiteralParser parser = new PythonLiteralParser(text);
    parser.skipSpace();
    if (parser.atEnd()) {
      throw parser.malformed(0, "the domain is empty; write [] for all records");
    }
    PyValue value = parser.value();
    parser.skipSpace();
    if (!parser.atEnd()) {
      if (EXPRESSION_CHARACTERS.indexOf(parser.peek()) >= 0) {
        throw parser.expression(value.start());
      }
      throw parser.malformed(parser.pos, "unexpected text after the end of the domain");
    }
    return value;
  }

  private PyValue value() {
    skipSpace();
    if (atEnd()) {
      throw malformed(pos, "the domain ends where a value was expected");
    }
    char c = peek();
    if (c == '[') {
      return sequence(']', false);
    }
    if (c == '(') {
      return sequence(')', true);
    }
    if (c == '\'' || c == '"') {
      return string(pos);
    }
    Matcher number = NUMBER.matcher(text).region(pos, text.length());
    if (number.lookingAt()) {
      return number(number.group(), pos);
    }
    Matcher name = NAME.matcher(text).region(pos, text.length());
    if (name.lookingAt()) {
      return name(name.group());
    }
    throw malformed(pos, "expected a value, found " + found());
  }

  private PySeq sequence(char closer, boolean tuple) {
    int start = pos;
    if (++depth > DomainReader.MAX_DEPTH) {
      throw malformed(
          start, "lists and tuples nest more than " + DomainReader.MAX_DEPTH + " levels deep");
    }
    pos++;
    List<PyValue> items = new ArrayList<>();
    while (true) {
      skipSpace();
      if (atEnd()) {
        throw unclosed(start, closer);
      }
      if (peek() == closer) {
        pos++;
        depth--;
        return new PySeq(items, tuple, start, pos);
      }
      PyValue item = value();
      items.add(item);
      skipSpace();
      if (atEnd()) {
        throw unclosed(start, closer);
      }
      char next = peek();
      if (next == ',') {
        pos++;
      } else if (next != closer) {
        if (EXPRESSION_CHARACTERS.indexOf(next) >= 0) {
          throw expression(item.start());
        }
        throw malformed(pos, "expected ',' or '" + closer + "', found " + found());
      }
    }
  }

  private SourceException unclosed(int start, char closer) {
    return malformed(
        pos,
        "expected '%c' to close the '%c' opened at position %d, but the domain ends here"
            .formatted(closer, text.charAt(start), start + 1));
  }

  private PyStr string(int start) {
    char quote = peek();
    pos++;
    StringBuilder value = new StringBuilder();
    while (!atEnd() && peek() != quote) {
      char c = text.charAt(pos++);
      if (c == '\n') {
        break;
      }
      if (c == '\\' && !atEnd()) {
        value.append(escape());
      } else {
        value.append(c);
      }
    }
    if (atEnd() || peek() != quote) {
      throw malformed(start, "string not closed: expected " + quote + " to end it");
    }
    pos++;
    return new PyStr(value.toString(), start, pos);
  }

  private String escape() {
    char c = text.charAt(pos++);
    return switch (c) {
      case 'n' -> "\n";
      case 't' -> "\t";
      case 'r' -> "\r";
      case '0' -> "\0";
      case '\\', '\'', '"' -> String.valueOf(c);
      case 'x' -> hexEscape(2);
      case 'u' -> hexEscape(4);
      case 'U' -> hexEscape(8);
      // Python keeps unknown escapes as written.
      default -> "\\" + c;
    };
  }

  private String hexEscape(int digits) {
    int start = pos - 2;
    if (pos + digits > text.length()) {
      throw malformed(start, "incomplete \\" + text.charAt(pos - 1) + " escape in a string");
    }
    try {
      int codePoint = Integer.parseInt(text.substring(pos, pos + digits), 16);
      pos += digits;
      return Character.toString(codePoint);
    } catch (IllegalArgumentException e) {
      throw malformed(start, "invalid \\" + text.charAt(pos - 1) + " escape in a string");
    }
  }

  private PyValue number(String literal, int start) {
    pos += literal.length();
    String digits = literal.replace("_", "");
    if (!atEnd() && (Character.isLetter(peek()) || peek() == '_')) {
      throw expression(start);
    }
    if (digits.contains(".") || digits.contains("e") || digits.contains("E")) {
      return new PyFloat(new BigDecimal(digits), start, pos);
    }
    try {
      return new PyInt(
          Long.parseLong(digits.startsWith("+") ? digits.substring(1) : digits), start, pos);
    } catch (NumberFormatException e) {
      throw malformed(start, "integer " + literal + " is too large");
    }
  }

  private PyValue name(String name) {
    int start = pos;
    switch (name) {
      case "True" -> {
        pos += name.length();
        return new PyBool(true, start, pos);
      }
      case "False" -> {
        pos += name.length();
        return new PyBool(false, start, pos);
      }
      case "None" -> {
        pos += name.length();
        return new PyNone(start, pos);
      }
      default -> {
        if (OTHER_LANGUAGES_LITERALS.contains(name.toLowerCase())
            && expressionEnd(start) == start + name.length()) {
          throw malformed(
              start, "unknown name '" + name + "'; Python's literals are True, False and None");
        }
        // A string prefix such as u'..' or r'..' is still a plain string literal.
        int after = start + name.length();
        if ((name.equalsIgnoreCase("u") || name.equalsIgnoreCase("r"))
            && after < text.length()
            && (text.charAt(after) == '\'' || text.charAt(after) == '"')) {
          pos = after;
          PyStr string = name.equalsIgnoreCase("r") ? rawString(start) : string(after);
          return new PyStr(string.value(), start, string.end());
        }
        throw expression(start);
      }
    }
  }

  private PyStr rawString(int start) {
    char quote = peek();
    int close = text.indexOf(quote, pos + 1);
    if (close < 0) {
      throw malformed(start, "string not closed: expected " + quote + " to end it");
    }
    String value = text.substring(pos + 1, close);
    pos = close + 1;
    return new PyStr(value, start, pos);
  }

  private SourceException expression(int start) {
    String expression = text.substring(start, expressionEnd(start)).strip();
    return new DomainExpressionException(
        "Python expressions in domains are not supported yet: %s (at position %d)"
            .formatted(expression, start + 1));
  }

  /** Where the expression starting at {@code start} ends: a ',', ')' or ']' outside brackets. */
  private int expressionEnd(int start) {
    int depth = 0;
    char quote = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) {
          return i;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        return i;
      }
    }
    return text.length();
  }

  private SourceException malformed(int at, String problem) {
    return new SourceException(
        "malformed domain at position %d: %s%s".formatted(at + 1, problem, excerpt(at)));
  }

  private String excerpt(int at) {
    if (text.length() <= 60) {
      return " in " + text;
    }
    int from = Math.max(0, at - 20);
    int to = Math.min(text.length(), at + 20);
    return " near "
        + (from > 0 ? "…" : "")
        + text.substring(from, to)
        + (to < text.length() ? "…" : "");
  }

  private String found() {
    return atEnd() ? "the end" : "'" + peek() + "'";
  }

  private void skipSpace() {
    while (!atEnd() && Character.isWhitespace(peek())) {
      pos++;
    }
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private char peek() {
    return text.charAt(pos);
  }
}
