package dev.apisync.activities.config;

/** Names a stored config in messages: its id and name. */
public record ConfigRef(long id, String name) {

  @Override
  public String toString() {
    return "'" + name + "' (id " + id + ")";
  }
}
