package dev.apisync.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Corrections to the generated OpenAPI document, so it says what the API answers. */
@Configuration(proxyBeanMethods = false)
public class OpenApiDocs {

  private static final String PROBLEM_SCHEMA = "ProblemDetail";

  /**
   * Every error the API answers is a problem ({@code application/problem+json}, RFC 9457): each 4xx
   * and 5xx response an operation declares without content gets that body, so controllers declare
   * only the status and what it means.
   */
  @Bean
  public OpenApiCustomizer errorsAreProblems() {
    return openApi -> {
      if (openApi.getPaths() == null) {
        return;
      }
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      if (openApi.getComponents().getSchemas() == null
          || !openApi.getComponents().getSchemas().containsKey(PROBLEM_SCHEMA)) {
        ModelConverters.getInstance()
            .read(ProblemDetail.class)
            .forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
      }
      useUriReferences(openApi.getComponents().getSchemas().get(PROBLEM_SCHEMA));
      Content problem =
          new Content()
              .addMediaType(
                  MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                  new io.swagger.v3.oas.models.media.MediaType()
                      .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)));
      openApi.getPaths().values().stream()
          .flatMap(path -> path.readOperations().stream())
          .filter(operation -> operation.getResponses() != null)
          .flatMap(operation -> operation.getResponses().entrySet().stream())
          .filter(response -> response.getKey().matches("[45]\\d\\d"))
          // springdoc gives an error response without content the operation's success type when
          // that is a list: every error answers problem+json, whatever was inferred.
          .filter(response -> !declaresProblem(response.getValue().getContent()))
          .forEach(response -> response.getValue().setContent(problem));
    };
  }

  private static boolean declaresProblem(Content content) {
    return content != null && content.containsKey(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
  }

  /**
   * A problem's {@code instance} is the request path and its {@code type} may be {@code
   * about:blank}: URI references (RFC 9457 §3.1), not the absolute URIs springdoc declares.
   */
  private static void useUriReferences(Schema<?> problem) {
    if (problem == null || problem.getProperties() == null) {
      return;
    }
    for (String property : List.of("type", "instance")) {
      Schema<?> schema = problem.getProperties().get(property);
      if (schema != null) {
        schema.setFormat("uri-reference");
      }
    }
  }
}
