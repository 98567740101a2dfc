package dev.apisync.api.configs;

/** No sync config has the id a request names. */
public class ConfigNotFoundException extends RuntimeException {

  public ConfigNotFoundException(long id) {
    super("no sync config has id " + id);
  }
}
