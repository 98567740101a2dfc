package dev.apisync.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The hand operations (SPEC §8): POSTs that start or stop runs. Each requires {@code Content-Type:
 * application/json}, body or not, so that a cross-site HTML form (which can only send form or text
 * types) can never fire one; 415 otherwise. An empty body or {@code {}} is fine where the body is
 * optional.
 */
public final class HandOperations implements HandlerInterceptor {

  /** Path patterns of the hand operations; all are POSTs. */
  public static final List<String> PATHS =
      List.of(
          "/api/configs/*/runs",
          "/api/configs/*/schedule/trigger",
          "/api/configs/*/schedule/backfill",
          "/api/runs/*/cancel",
          "/api/runs/*/terminate",
          "/api/runs/*/retry",
          "/api/runs/*/retry-failed");

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws HttpMediaTypeNotSupportedException {
    if (!HttpMethod.POST.matches(request.getMethod())) {
      return true;
    }
    String contentType = request.getContentType();
    MediaType type;
    try {
      type = contentType == null ? null : MediaType.parseMediaType(contentType);
    } catch (IllegalArgumentException e) {
      type = null;
    }
    if (type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
      throw new HttpMediaTypeNotSupportedException(
          type, List.of(MediaType.APPLICATION_JSON), HttpMethod.POST);
    }
    return true;
  }
}
