package dev.apisync.api;

import dev.apisync.api.access.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request before a controller sees it (issue 8 §5): a body of at most {@link
 * #MAX_BODY_BYTES}, whether or not it declares its length, and a well-formed query string without
 * NUL characters (which PostgreSQL cannot compare). Each answers 400 naming what broke the rule.
 */
public class RequestBounds extends OncePerRequestFilter {

  public static final int MAX_BODY_BYTES = 1024 * 1024;

  static final String BODY_RULE = "at most 1 MiB (" + MAX_BODY_BYTES + " bytes)";

  private final ProblemWriter problems;

  public RequestBounds(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      refuse(request, response, "body", BODY_RULE);
      return;
    }
    Optional<String> badParameter = parameterWithNul(request.getQueryString());
    if (badParameter.isPresent()) {
      refuse(request, response, badParameter.get(), "may not contain NUL (U+0000) characters");
      return;
    }
    try {
      request.getParameterMap();
    } catch (IllegalStateException malformed) {
      // Tomcat refuses e.g. "?=0" (a value without a name) when it parses the parameters.
      refuse(
          request,
          response,
          "query",
          "malformed query string: each parameter is name=value with valid %-escapes");
      return;
    }
    chain.doFilter(new Bounded(request), response);
  }

  private void refuse(
      HttpServletRequest request, HttpServletResponse response, String field, String rule)
      throws IOException {
    problems.write(
        request,
        response,
        HttpStatus.BAD_REQUEST,
        "Invalid request",
        field + ": " + rule,
        Map.of("errors", List.of(Map.of("field", field, "message", rule))));
  }

  private static Optional<String> parameterWithNul(String query) {
    if (query == null || !query.toLowerCase(java.util.Locale.ROOT).contains("%00")) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      if (pair.toLowerCase(java.util.Locale.ROOT).contains("%00")) {
        try {
          return Optional.of(URLDecoder.decode(name, StandardCharsets.UTF_8).replace('\0', '?'));
        } catch (IllegalArgumentException malformed) {
          return Optional.of("query");
        }
      }
    }
    return Optional.empty();
  }

  /** Thrown while reading a body that goes past the bound without having declared its length. */
  public static final class BodyTooLargeException extends IOException {
    BodyTooLargeException() {
      super("request body larger than " + MAX_BODY_BYTES + " bytes");
    }
  }

  private static final class Bounded extends HttpServletRequestWrapper {
    private ServletInputStream stream;

    Bounded(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream());
      }
      return stream;
    }
  }

  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream in;
    private long read;

    CountingStream(ServletInputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLargeException {
      read += n;
      if (read > MAX_BODY_BYTES) {
        throw new BodyTooLargeException();
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
