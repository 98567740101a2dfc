package dev.apisync.activities.source;

import java.util.List;

/** A resolved dotted path: each step's field, every step before the last a many2one. */
public record FieldPath(String modelName, String dotted, List<FieldInfo> steps) {

  public FieldPath {
    steps = List.copyOf(steps);
  }

  public FieldInfo last() {
    return steps.get(steps.size() - 1);
  }
}
