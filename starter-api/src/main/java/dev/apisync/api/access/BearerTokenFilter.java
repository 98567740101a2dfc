package dev.apisync.api.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}. A request without the header goes on
 * anonymous (the rules then answer 401 where a role is needed); one with a header that names no
 * token is answered 401 at once, so a typo never falls through to an open endpoint's behaviour.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final TokenAuthenticator authenticator;
  private final AuthenticationEntryPoint entryPoint;

  public BearerTokenFilter(TokenAuthenticator authenticator, AuthenticationEntryPoint entryPoint) {
    this.authenticator = authenticator;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<ApiCaller> caller =
        header.regionMatches(true, 0, BEARER, 0, BEARER.length())
            ? authenticator.authenticate(header.substring(BEARER.length()).strip())
            : Optional.empty();
    if (caller.isEmpty()) {
      entryPoint.commence(
          request,
          response,
          new BadCredentialsException(
              "the Authorization header holds no valid API token; send Authorization: Bearer"
                  + " <token>"));
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            caller.get(), null, caller.get().role().authorities()));
    // Spring Security's SecurityContextHolderFilter clears it when the request ends (not here:
    // the 403 handler, further out, still needs to know who called).
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }
}
