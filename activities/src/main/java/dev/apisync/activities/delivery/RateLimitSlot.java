package dev.apisync.activities.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * The answer of {@link TargetRateLimiter#reserve}.
 *
 * @param at when the request may go (the database's clock)
 * @param delay how long from now until then, zero when it may go at once
 * @param reserved false when the slot was further away than the caller could wait: nothing was
 *     reserved, and {@link #delay} says how long until a slot is free at the earliest
 */
public record RateLimitSlot(Instant at, Duration delay, boolean reserved) {}
