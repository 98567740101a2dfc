package dev.apisync.activities.config;

/**
 * A config's authentication, secrets included. Lives only in the activities and the store, never in
 * workflow inputs, results or logs. Unused fields are empty strings.
 */
public record AuthSettings(
    AuthType type, String login, String password, String token, String headerName, String value) {

  public static final AuthSettings NONE = new AuthSettings(AuthType.NONE, "", "", "", "", "");

  @Override
  public String toString() {
    return "AuthSettings[type=" + type + ", login=" + login + ", headerName=" + headerName + "]";
  }
}
