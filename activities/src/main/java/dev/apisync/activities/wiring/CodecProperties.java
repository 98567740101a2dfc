package dev.apisync.activities.wiring;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param keys {@code id:base64key} entries (env {@code APISYNC_TEMPORAL_CODEC_KEYS}, comma
 *     separated) that encrypt Temporal payloads; the first encrypts, all decrypt. Required, except
 *     under the Spring profile {@code dev}, where empty falls back to a public development key
 */
@ConfigurationProperties("apisync.temporal.codec")
public record CodecProperties(List<String> keys) {}
