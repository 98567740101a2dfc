package dev.apisync.activities.source;

/** A domain holds a Python expression where the literal parser wants a value. */
final class DomainExpressionException extends SourceException {

  DomainExpressionException(String message) {
    super(message);
  }
}
