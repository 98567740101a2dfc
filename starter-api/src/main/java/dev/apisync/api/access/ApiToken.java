package dev.apisync.api.access;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A stored API token, without its secret. */
@Schema(name = "ApiToken")
public record ApiToken(long id, String name, Role role, Instant createdAt) {}
