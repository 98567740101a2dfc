package dev.apisync.worker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The probing of a target whose circuit is open (each config sets when it opens, and how long its
 * runs wait).
 *
 * @param firstProbeAfter the wait from the circuit's opening to its first probe
 * @param maxProbeInterval the longest wait between probes; each failed probe doubles the wait up to
 *     it
 */
@ConfigurationProperties("apisync.circuit")
public record CircuitProperties(
    @DefaultValue("5s") Duration firstProbeAfter, @DefaultValue("60s") Duration maxProbeInterval) {}
