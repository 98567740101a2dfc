package dev.apisync.api;

import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Corrections to the generated OpenAPI document, so it says what the API answers. */
@Configuration(proxyBeanMethods = false)
public class OpenApiDocs {

  /**
   * A problem's {@code instance} is the request path and its {@code type} may be {@code
   * about:blank}: URI references (RFC 9457 §3.1), not the absolute URIs springdoc declares.
   */
  @Bean
  public OpenApiCustomizer problemDetailUriReferences() {
    return openApi -> {
      if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
        return;
      }
      Schema<?> problem = openApi.getComponents().getSchemas().get("ProblemDetail");
      if (problem == null || problem.getProperties() == null) {
        return;
      }
      for (String property : List.of("type", "instance")) {
        Schema<?> schema = problem.getProperties().get(property);
        if (schema != null) {
          schema.setFormat("uri-reference");
        }
      }
    };
  }
}
