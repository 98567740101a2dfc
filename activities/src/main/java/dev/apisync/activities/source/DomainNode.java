package dev.apisync.activities.source;

import java.util.List;

/** A parsed domain: terms combined by AND, OR and NOT. */
sealed interface DomainNode {

  /**
   * This node negated the way Odoo's {@code distribute_not} does it: De Morgan through AND/OR, then
   * into each term by swapping its operator where one exists.
   */
  DomainNode negate();

  record And(List<DomainNode> children) implements DomainNode {
    public And {
      children = List.copyOf(children);
    }

    public DomainNode negate() {
      return new Or(children.stream().map(DomainNode::negate).toList());
    }
  }

  record Or(List<DomainNode> children) implements DomainNode {
    public Or {
      children = List.copyOf(children);
    }

    public DomainNode negate() {
      return new And(children.stream().map(DomainNode::negate).toList());
    }
  }

  record Not(DomainNode child) implements DomainNode {
    public DomainNode negate() {
      return child;
    }
  }

  /** Odoo's TRUE_LEAF {@code (1, '=', 1)} and FALSE_LEAF {@code (0, '=', 1)}. */
  record Constant(boolean value) implements DomainNode {
    public DomainNode negate() {
      return new Constant(!value);
    }
  }

  /**
   * One {@code (path, operator, value)} term.
   *
   * @param text the term as written, for error messages
   */
  record Term(String path, DomainOperator operator, PyValue value, String text)
      implements DomainNode {

    public DomainNode negate() {
      return operator
          .negation()
          .<DomainNode>map(negated -> new Term(path, negated, value, text))
          .orElseGet(() -> new Not(this));
    }

    /** The field the term finally tests: {@code active} for {@code parent_id.active}. */
    String leafName() {
      return path.substring(path.lastIndexOf('.') + 1);
    }

    Term withPath(String newPath) {
      return new Term(newPath, operator, value, text);
    }

    Term withOperator(DomainOperator newOperator) {
      return new Term(path, newOperator, value, text);
    }

    Term withValue(PyValue newValue) {
      return new Term(path, operator, newValue, text);
    }
  }
}
