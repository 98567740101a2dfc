package dev.apisync.api.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 (no or unknown token) and 403 (role too low) as {@code application/problem+json}. */
public class AccessProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final ProblemWriter writer;

  public AccessProblems(ProblemWriter writer) {
    this.writer = writer;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    String detail =
        e instanceof BadCredentialsException
            ? e.getMessage()
            : "this call needs an API token: send Authorization: Bearer <token>";
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"apisync\"");
    writer.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail, Map.of());
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    String detail =
        authentication != null && authentication.getPrincipal() instanceof ApiCaller caller
            ? "the token '"
                + caller.tokenName()
                + "' has the role "
                + caller.role().wireName()
                + ", which may not "
                + request.getMethod()
                + " "
                + request.getRequestURI()
            : "this token's role may not make this call";
    writer.write(request, response, HttpStatus.FORBIDDEN, "Forbidden", detail, Map.of());
  }
}
