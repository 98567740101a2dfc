package dev.apisync.activities.source;

import java.util.Arrays;
import java.util.Optional;

/** The term operators of Odoo's domain language. */
enum DomainOperator {
  EQUALS("="),
  NOT_EQUALS("!="),
  GREATER(">"),
  GREATER_OR_EQUAL(">="),
  LESS("<"),
  LESS_OR_EQUAL("<="),
  EQUALS_IF_SET("=?"),
  LIKE("like"),
  NOT_LIKE("not like"),
  ILIKE("ilike"),
  NOT_ILIKE("not ilike"),
  EQUALS_LIKE("=like"),
  EQUALS_ILIKE("=ilike"),
  IN("in"),
  NOT_IN("not in"),
  CHILD_OF("child_of"),
  PARENT_OF("parent_of"),
  ANY("any"),
  NOT_ANY("not any");

  private final String text;

  DomainOperator(String text) {
    this.text = text;
  }

  String text() {
    return text;
  }

  /** Odoo lower-cases operators and reads {@code <>} as {@code !=}. */
  static Optional<DomainOperator> parse(String text) {
    String normalized = text.strip().toLowerCase().replaceAll("\\s+", " ");
    String canonical = normalized.equals("<>") ? "!=" : normalized;
    return Arrays.stream(values()).filter(op -> op.text.equals(canonical)).findFirst();
  }

  /**
   * The operator that selects exactly the other records, as Odoo's {@code distribute_not} uses it:
   * {@code !('name','=','x')} becomes {@code ('name','!=','x')}, which keeps NULL names. Empty for
   * operators Odoo negates by wrapping the term in SQL {@code NOT}.
   */
  Optional<DomainOperator> negation() {
    return Optional.ofNullable(
        switch (this) {
          case EQUALS -> NOT_EQUALS;
          case NOT_EQUALS -> EQUALS;
          case GREATER -> LESS_OR_EQUAL;
          case LESS_OR_EQUAL -> GREATER;
          case LESS -> GREATER_OR_EQUAL;
          case GREATER_OR_EQUAL -> LESS;
          case LIKE -> NOT_LIKE;
          case NOT_LIKE -> LIKE;
          case ILIKE -> NOT_ILIKE;
          case NOT_ILIKE -> ILIKE;
          case IN -> NOT_IN;
          case NOT_IN -> IN;
          case ANY -> NOT_ANY;
          case NOT_ANY -> ANY;
          default -> null;
        });
  }

  /** Odoo's NEGATIVE_TERM_OPERATORS: those that also select rows where the column is NULL. */
  boolean isNegative() {
    return this == NOT_EQUALS || this == NOT_LIKE || this == NOT_ILIKE || this == NOT_IN;
  }

  /** For a negative operator its positive form ({@code not ilike} → {@code ilike}). */
  DomainOperator positive() {
    return isNegative() ? negation().orElseThrow() : this;
  }

  boolean isLike() {
    return this == LIKE
        || this == NOT_LIKE
        || this == ILIKE
        || this == NOT_ILIKE
        || this == EQUALS_LIKE
        || this == EQUALS_ILIKE;
  }

  /** {@code like} and {@code ilike} (and their negations) wrap the value in {@code %...%}. */
  boolean wrapsInWildcards() {
    return this == LIKE || this == NOT_LIKE || this == ILIKE || this == NOT_ILIKE;
  }

  /** The SQL operator: {@code =like} is {@code LIKE} with the pattern as written. */
  String sql() {
    return switch (this) {
      case EQUALS, EQUALS_IF_SET -> "=";
      case NOT_EQUALS -> "!=";
      case LIKE, EQUALS_LIKE -> "LIKE";
      case NOT_LIKE -> "NOT LIKE";
      case ILIKE, EQUALS_ILIKE -> "ILIKE";
      case NOT_ILIKE -> "NOT ILIKE";
      case IN -> "IN";
      case NOT_IN -> "NOT IN";
      default -> text;
    };
  }

  @Override
  public String toString() {
    return text;
  }
}
