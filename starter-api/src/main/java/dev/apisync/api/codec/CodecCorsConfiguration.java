package dev.apisync.api.codec;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The Temporal Web UI calls the codec endpoint from the browser, from its own origin ({@code
 * apisync.temporal.ui-url}); only that origin may, with the headers the UI sends ({@code
 * X-Namespace}, and {@code Authorization} when the UI forwards the user's credentials).
 */
@Configuration(proxyBeanMethods = false)
public class CodecCorsConfiguration implements WebMvcConfigurer {

  private final String uiOrigin;

  public CodecCorsConfiguration(@Value("${apisync.temporal.ui-url}") String uiUrl) {
    this.uiOrigin = origin(uiUrl);
  }

  @Override
  public void addCorsMappings(CorsRegistry registry) {
    registry
        .addMapping("/codec/**")
        .allowedOrigins(uiOrigin)
        .allowedMethods("POST")
        .allowedHeaders("Content-Type", "X-Namespace", "Authorization")
        .allowCredentials(true)
        .maxAge(3600);
  }

  /** {@code scheme://host[:port]}: what a browser sends as {@code Origin}. */
  static String origin(String url) {
    URI uri = URI.create(url.trim());
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}
