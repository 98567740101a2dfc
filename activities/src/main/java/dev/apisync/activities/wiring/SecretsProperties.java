package dev.apisync.activities.wiring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param key 32 random bytes, base64-encoded, that encrypt config secrets at rest; required, except
 *     under the Spring profile {@code dev}, where empty falls back to a public development key
 */
@ConfigurationProperties("apisync.secrets")
public record SecretsProperties(String key) {}
