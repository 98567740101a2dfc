package dev.apisync.activities.source;

import java.math.BigDecimal;
import java.util.List;

/**
 * A Python literal from a domain's text, with where it stood ({@code start} inclusive, {@code end}
 * exclusive, 0-based) so that errors can quote it.
 */
sealed interface PyValue {

  int start();

  int end();

  /** Python's truthiness, which Odoo's domain rules lean on ({@code 0}, {@code ''} are false). */
  boolean truthy();

  /** {@code str(value)} as Python prints it: what {@code like} patterns are built from. */
  String pythonStr();

  /** The JDBC parameter for a value compared with a column; never called for None or lists. */
  default Object jdbcValue() {
    throw new IllegalStateException("no SQL value for " + pythonStr());
  }

  default boolean isFalseOrNone() {
    return this instanceof PyNone || (this instanceof PyBool bool && !bool.value());
  }

  record PyStr(String value, int start, int end) implements PyValue {
    public boolean truthy() {
      return !value.isEmpty();
    }

    public String pythonStr() {
      return value;
    }

    public Object jdbcValue() {
      return value;
    }
  }

  record PyInt(long value, int start, int end) implements PyValue {
    public boolean truthy() {
      return value != 0;
    }

    public String pythonStr() {
      return Long.toString(value);
    }

    public Object jdbcValue() {
      return value;
    }
  }

  /** Kept as the decimal written, so {@code 0.1} compares exactly with a numeric column. */
  record PyFloat(BigDecimal value, int start, int end) implements PyValue {
    public boolean truthy() {
      return value.signum() != 0;
    }

    public String pythonStr() {
      return value.toPlainString();
    }

    public Object jdbcValue() {
      return value;
    }
  }

  record PyBool(boolean value, int start, int end) implements PyValue {
    public boolean truthy() {
      return value;
    }

    public String pythonStr() {
      return value ? "True" : "False";
    }

    public Object jdbcValue() {
      return value;
    }
  }

  record PyNone(int start, int end) implements PyValue {
    public boolean truthy() {
      return false;
    }

    public String pythonStr() {
      return "None";
    }
  }

  /** A Python list or tuple. */
  record PySeq(List<PyValue> items, boolean tuple, int start, int end) implements PyValue {
    public PySeq {
      items = List.copyOf(items);
    }

    public boolean truthy() {
      return !items.isEmpty();
    }

    public String pythonStr() {
      StringBuilder text = new StringBuilder(tuple ? "(" : "[");
      for (int i = 0; i < items.size(); i++) {
        text.append(i == 0 ? "" : ", ").append(items.get(i).pythonStr());
      }
      return text.append(tuple ? ")" : "]").toString();
    }
  }
}
