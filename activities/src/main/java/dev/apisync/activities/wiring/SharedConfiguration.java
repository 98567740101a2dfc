package dev.apisync.activities.wiring;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What the worker and the API both run on: the two databases and the stores, Python, the egress
 * policy and the payload codec.
 */
@Configuration(proxyBeanMethods = false)
@Import({
  StorageConfiguration.class,
  ScriptConfiguration.class,
  EgressConfiguration.class,
  CodecConfiguration.class
})
public class SharedConfiguration {}
