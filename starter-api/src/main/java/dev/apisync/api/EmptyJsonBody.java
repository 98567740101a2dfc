package dev.apisync.api;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.MediaType;

/**
 * Documents a hand operation that takes no body: like every hand operation ({@link HandOperations})
 * it still requires {@code Content-Type: application/json}, with an empty body or {@code {}}. Put
 * it beside {@code @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@RequestBody(
    required = false,
    description = "Ignored; send {} or nothing, with Content-Type: application/json",
    content =
        @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
public @interface EmptyJsonBody {}
