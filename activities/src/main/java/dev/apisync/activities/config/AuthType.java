package dev.apisync.activities.config;

/** How requests to a target authenticate (SPEC §2). */
public enum AuthType {
  NONE,
  BASIC,
  BEARER,
  API_KEY
}
