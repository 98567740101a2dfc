package dev.apisync.activities.source;

import java.util.List;

/** A SQL boolean expression with {@code ?} placeholders and their values, in order. */
public record SqlCondition(String sql, List<Object> params) {

  public SqlCondition {
    params = List.copyOf(params);
  }
}
