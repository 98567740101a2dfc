package dev.apisync.api.access;

import dev.apisync.activities.wiring.StorageConfiguration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Bearer API tokens with roles on every call but health (SPEC §11): stateless, no sessions, no
 * cookies (so no CSRF), 401/403 as problem details.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(AccessProperties.class)
public class SecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  @Bean
  public ApiTokenStore apiTokenStore(DataSource dataSource) {
    return new ApiTokenStore(dataSource);
  }

  /**
   * The bootstrap admin token. Without {@code apisync.security.admin-token} the profile {@code dev}
   * generates one (the dev stack prints it); elsewhere the API starts only when tokens are already
   * stored, since nobody could ever create one otherwise.
   */
  @Bean
  @DependsOnDatabaseInitialization
  public BootstrapAdminToken bootstrapAdminToken(
      AccessProperties properties, Environment environment, ApiTokenStore store) {
    String configured = properties.adminToken() == null ? "" : properties.adminToken().strip();
    if (!configured.isEmpty()) {
      return BootstrapAdminToken.of(configured);
    }
    if (environment.matchesProfiles(StorageConfiguration.DEV_PROFILE)) {
      log.warn(
          "apisync.security.admin-token is not set: generated an admin token for this run"
              + " (profile '{}'; scripts/dev.sh prints it). Set APISYNC_ADMIN_TOKEN to choose it.",
          StorageConfiguration.DEV_PROFILE);
      return BootstrapAdminToken.generated();
    }
    if (store.isEmpty()) {
      throw new IllegalStateException(
          "No API token exists and apisync.security.admin-token is not set: set"
              + " APISYNC_ADMIN_TOKEN (at least "
              + BootstrapAdminToken.MIN_LENGTH
              + " characters, e.g. `openssl rand -hex 32`) to have an admin token that can"
              + " create the others. For local development only, run with the Spring profile '"
              + StorageConfiguration.DEV_PROFILE
              + "'.");
    }
    log.info("apisync.security.admin-token is not set: only stored API tokens are accepted.");
    return BootstrapAdminToken.none();
  }

  @Bean
  public TokenAuthenticator tokenAuthenticator(BootstrapAdminToken bootstrap, ApiTokenStore store) {
    return new TokenAuthenticator(bootstrap, store);
  }

  @Bean
  public ProblemWriter problemWriter() {
    return new ProblemWriter();
  }

  @Bean
  public SecurityFilterChain apiSecurity(
      HttpSecurity http,
      TokenAuthenticator authenticator,
      ProblemWriter problems,
      Environment environment)
      throws Exception {
    AccessProblems accessProblems = new AccessProblems(problems);
    boolean dev = environment.matchesProfiles(StorageConfiguration.DEV_PROFILE);
    return http.csrf(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(
            errors ->
                errors.authenticationEntryPoint(accessProblems).accessDeniedHandler(accessProblems))
        .addFilterBefore(
            new BearerTokenFilter(authenticator, accessProblems), AuthorizationFilter.class)
        .authorizeHttpRequests(rules -> AccessRules.apply(rules, dev))
        .build();
  }
}
