package dev.apisync.api.access;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What an API token may do (SPEC §11). Each role includes the ones before it. */
public enum Role {
  /** Reads configs, runs, schedules, triggers and logs. */
  VIEWER,
  /** Also writes configs, schedules, triggers, webhooks and watermarks. */
  AUTHOR,
  /** Also starts, cancels, terminates and retries runs. */
  OPERATOR,
  /** Also manages API tokens. */
  ADMIN;

  public static final String NAMES = "viewer, author, operator, admin";

  /** The name the API uses: {@code viewer}, {@code author}, ... */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Spring Security's name for holding this role, as {@code hasRole(...)} checks it. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** This role's authority and those of every role it includes. */
  public List<GrantedAuthority> authorities() {
    return Arrays.stream(values())
        .filter(role -> role.ordinal() <= ordinal())
        .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
        .toList();
  }

  public static Optional<Role> parse(String wireName) {
    return Arrays.stream(values()).filter(role -> role.wireName().equals(wireName)).findFirst();
  }
}
