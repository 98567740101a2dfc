package dev.apisync.api.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adminToken the bootstrap admin token (env {@code APISYNC_ADMIN_TOKEN}), at least 32
 *     characters; empty: under the profile {@code dev} one is generated at start, otherwise the API
 *     needs tokens already stored or refuses to start
 */
@ConfigurationProperties("apisync.security")
public record AccessProperties(String adminToken) {}
