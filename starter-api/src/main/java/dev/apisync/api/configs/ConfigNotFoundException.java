package dev.apisync.api.configs;

/** No sync config has the id a request names. */
class ConfigNotFoundException extends RuntimeException {

  ConfigNotFoundException(long id) {
    super("no sync config has id " + id);
  }
}
