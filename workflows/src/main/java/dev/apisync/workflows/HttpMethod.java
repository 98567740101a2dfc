package dev.apisync.workflows;

/** The HTTP method a sync config sends with; a config has exactly one. */
public enum HttpMethod {
  GET,
  POST,
  PUT,
  PATCH,
  DELETE
}
