package dev.apisync.api.access;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A token just created: the only time its secret is shown. */
@Schema(name = "IssuedApiToken")
public record IssuedToken(
    long id,
    String name,
    Role role,
    Instant createdAt,
    @Schema(description = "The bearer token; shown once, only its SHA-256 is stored")
        String token) {

  static IssuedToken of(ApiToken stored, String token) {
    return new IssuedToken(stored.id(), stored.name(), stored.role(), stored.createdAt(), token);
  }
}
