package dev.apisync.api.access;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.OPTIONS;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import dev.apisync.api.HandOperations;
import jakarta.servlet.DispatcherType;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Which role each call needs (SPEC §10, §11), by method and path, first match wins. It lists the
 * endpoints of every part of SPEC §10, built or not yet, so a new controller is covered the moment
 * it lands; anything unlisted needs {@code admin} (fail closed).
 */
final class AccessRules {

  private static final String[] AUTHOR_PATHS = {
    "/api/configs",
    "/api/configs/*",
    "/api/configs/*/schedule",
    "/api/configs/*/schedule/pause",
    "/api/configs/*/schedule/unpause",
    "/api/configs/*/triggers",
    "/api/configs/*/webhook",
    "/api/configs/*/watermark",
  };

  private static final String[] CONSOLE_ASSETS = {
    "/", "/index.html", "/console/**", "/favicon.ico"
  };

  private static final String[] API_DOCS = {
    "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"
  };

  private AccessRules() {}

  /**
   * @param dev under the profile {@code dev} the OpenAPI document, Swagger UI and the Temporal
   *     codec endpoint (which the Web UI calls without a token) are open
   */
  static void apply(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules,
      boolean dev) {
    String viewer = Role.VIEWER.name();
    String author = Role.AUTHOR.name();
    String operator = Role.OPERATOR.name();
    String admin = Role.ADMIN.name();
    // Errors rendered for a request already judged (e.g. a 404) pass as they are.
    rules.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
    rules.requestMatchers(GET, "/actuator/health", "/actuator/health/**").permitAll();
    // The console's pages and scripts hold no data: everything they show comes from /api/** calls
    // made with the token the user typed in.
    rules.requestMatchers(GET, CONSOLE_ASSETS).permitAll();
    // Odoo's webhook intake checks its own per-config token.
    rules.requestMatchers(POST, "/api/hooks/*").permitAll();
    // A browser's CORS preflight carries no credentials; the codec's CORS rules answer it.
    rules.requestMatchers(OPTIONS, "/codec/**").permitAll();
    if (dev) {
      rules.requestMatchers(API_DOCS).permitAll();
      rules.requestMatchers("/codec/**").permitAll();
    } else {
      rules.requestMatchers(GET, API_DOCS).hasRole(viewer);
      rules.requestMatchers("/codec/**").hasRole(viewer);
    }
    rules.requestMatchers("/api/tokens", "/api/tokens/**").hasRole(admin);
    rules.requestMatchers(POST, HandOperations.PATHS.toArray(String[]::new)).hasRole(operator);
    rules.requestMatchers(POST, AUTHOR_PATHS).hasRole(author);
    rules.requestMatchers(PUT, AUTHOR_PATHS).hasRole(author);
    rules.requestMatchers(DELETE, AUTHOR_PATHS).hasRole(author);
    rules.requestMatchers(GET, "/api/**").hasRole(viewer);
    rules.anyRequest().hasRole(admin);
  }
}
