package dev.apisync.activities.source;

import dev.apisync.activities.source.DomainNode.And;
import dev.apisync.activities.source.DomainNode.Constant;
import dev.apisync.activities.source.DomainNode.Not;
import dev.apisync.activities.source.DomainNode.Or;
import dev.apisync.activities.source.DomainNode.Term;
import dev.apisync.activities.source.PyValue.PyInt;
import dev.apisync.activities.source.PyValue.PySeq;
import dev.apisync.activities.source.PyValue.PyStr;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a domain's literal list into a tree: {@code '&'}, {@code '|'} (two operands) and {@code
 * '!'} (one) in Polish prefix notation, consecutive terms joined by an implicit AND.
 */
final class DomainReader {

  /**
   * How deep a domain may nest, in brackets and in operators: deep enough for any domain a person
   * writes, shallow enough that reading one can never exhaust the stack.
   */
  static final int MAX_DEPTH = 64;

  private final String text;
  private final List<PyValue> items;
  private int next;
  private int depth;

  private DomainReader(String text, List<PyValue> items) {
    this.text = text;
    this.items = items;
  }

  /** Parses domain text, e.g. {@code ['|', ('a','=',1), ('b','=',2)]}. */
  static DomainNode parse(String domainText) {
    return read(PythonLiteralParser.parse(domainText), domainText);
  }

  /**
   * Reads a list literal as a domain; also used for the sub-domain of {@code any}.
   *
   * @param text the whole text the literal's positions refer to
   */
  static DomainNode read(PyValue literal, String text) {
    if (!(literal instanceof PySeq list)) {
      throw new SourceException(
          "malformed domain at position %d: a domain is a list of terms such as [('name', '=', 'x')], found %s"
              .formatted(literal.start() + 1, excerpt(text, literal)));
    }
    DomainReader reader = new DomainReader(text, list.items());
    List<DomainNode> nodes = new ArrayList<>();
    while (reader.next < reader.items.size()) {
      nodes.add(reader.node());
    }
    if (nodes.isEmpty()) {
      return new Constant(true);
    }
    return nodes.size() == 1 ? nodes.get(0) : new And(nodes);
  }

  private DomainNode node() {
    PyValue item = items.get(next++);
    if (item instanceof PyStr operator) {
      return switch (operator.value()) {
        case "&" -> new And(List.of(operand(operator, 1, 2), operand(operator, 2, 2)));
        case "|" -> new Or(List.of(operand(operator, 1, 2), operand(operator, 2, 2)));
        case "!" -> new Not(operand(operator, 1, 1));
        default ->
            throw new SourceException(
                "malformed domain at position %d: expected '&', '|', '!' or a term, found %s"
                    .formatted(item.start() + 1, excerpt(text, item)));
      };
    }
    if (item instanceof PySeq term && term.items().size() == 3) {
      return term(term);
    }
    throw new SourceException(
        "malformed domain at position %d: expected a term ('field', 'operator', value) or '&', '|', '!', found %s"
            .formatted(item.start() + 1, excerpt(text, item)));
  }

  private DomainNode operand(PyStr operator, int which, int of) {
    if (depth >= MAX_DEPTH) {
      throw new SourceException(
          "domain nests more than %d operators deep at position %d; join long lists of"
                  .formatted(MAX_DEPTH, operator.start() + 1)
              + " alternatives with 'in' instead of '|'");
    }
    if (next >= items.size()) {
      throw new SourceException(
          "malformed domain at position %d: '%s' needs %d operand%s but the domain has %s"
              .formatted(
                  operator.start() + 1,
                  operator.value(),
                  of,
                  of == 1 ? "" : "s",
                  which == 1 ? "none after it" : "only one"));
    }
    depth++;
    try {
      return node();
    } finally {
      depth--;
    }
  }

  private DomainNode term(PySeq term) {
    String termText = excerpt(text, term);
    PyValue left = term.items().get(0);
    PyValue operatorValue = term.items().get(1);
    PyValue right = term.items().get(2);
    if (left instanceof PyInt leftInt
        && operatorValue instanceof PyStr equals
        && equals.value().equals("=")
        && right instanceof PyInt one
        && one.value() == 1
        && (leftInt.value() == 0 || leftInt.value() == 1)) {
      return new Constant(leftInt.value() == 1);
    }
    if (!(left instanceof PyStr path) || path.value().isBlank()) {
      throw new SourceException(
          "malformed domain at position %d: a term starts with a field name in quotes, found %s in term %s"
              .formatted(left.start() + 1, excerpt(text, left), termText));
    }
    if (!(operatorValue instanceof PyStr operatorText)) {
      throw new SourceException(
          "malformed domain at position %d: the operator must be a string, found %s in term %s"
              .formatted(operatorValue.start() + 1, excerpt(text, operatorValue), termText));
    }
    DomainOperator operator =
        DomainOperator.parse(operatorText.value())
            .orElseThrow(
                () ->
                    new SourceException(
                        "unknown operator '%s' in term %s"
                            .formatted(operatorText.value(), termText)));
    return new Term(path.value().strip(), operator, right, termText);
  }

  private static String excerpt(String text, PyValue value) {
    String written = text.substring(value.start(), value.end());
    return written.length() <= 80 ? written : written.substring(0, 79) + "…";
  }
}
